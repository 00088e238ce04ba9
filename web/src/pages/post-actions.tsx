import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { fieldErrors, formError, useErrorText } from '../ui/errors';
import { FormError, ReasonForm } from '../ui/Field';

export function RemoveButton({
  onRemove,
  pending,
}: {
  onRemove(reason: string): void;
  pending: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button ghost small danger" onClick={() => setOpen(true)}>
        {t('action.remove')}
      </button>
    );
  }
  return (
    <ReasonForm
      label={t('remove.reason')}
      submitLabel={t('remove.confirm')}
      danger
      pending={pending}
      onSubmit={onRemove}
      onCancel={() => setOpen(false)}
    />
  );
}

export function ReportButton({
  targetType,
  targetId,
}: {
  targetType: 'thread' | 'reply' | 'user';
  targetId: string;
}) {
  const { t } = useI18n();
  const text = useErrorText();
  const [open, setOpen] = useState(false);
  const report = useMutation({
    mutationFn: (reason: string) =>
      api('POST /api/reports', { body: { targetType, targetId, reason } }),
    onSuccess: () => setOpen(false),
  });
  if (report.isSuccess && !open) {
    return (
      <span className="success small" role="status">
        {t('report.thanks')}
      </span>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button ghost small" onClick={() => setOpen(true)}>
        {t('report.action')}
      </button>
    );
  }
  return (
    <ReasonForm
      label={t('report.reason')}
      submitLabel={t('report.send')}
      required
      pending={report.isPending}
      errors={fieldErrors(report.error, 'reason')}
      onSubmit={(reason) => report.mutate(reason)}
      onCancel={() => setOpen(false)}
    >
      <FormError message={formError(report.error, ['reason'], text)} />
    </ReasonForm>
  );
}
