import { useMutation } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useErrorText } from './errors';
import { FieldErrors } from './Field';
import { Markdown } from './Markdown';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  errors?: string[];
  rows?: number;
  required?: boolean;
  /** Lets a parent focus the textarea (e.g. after a failed submit). */
  textareaId?: string;
}

/**
 * A markdown textarea with a Preview tab. The preview is rendered by the server with the
 * same renderer and sanitizer it uses when saving, so what you see is what gets posted.
 */
export function MarkdownEditor({
  label,
  value,
  onChange,
  errors = [],
  rows = 8,
  required,
  textareaId,
}: Props) {
  const { t } = useI18n();
  const text = useErrorText();
  const base = useId();
  const id = textareaId ?? `${base}-input`;
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const preview = useMutation({
    mutationFn: (body: string) => api('POST /api/markdown/preview', { body: { body } }),
  });

  const show = (next: 'write' | 'preview') => {
    setTab(next);
    if (next === 'preview') preview.mutate(value);
  };
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const next = tab === 'write' ? 'preview' : 'write';
      show(next);
      document.getElementById(`${base}-tab-${next}`)?.focus();
    }
  };
  const errorId = errors.length ? `${base}-error` : undefined;
  return (
    <div className={`field markdown-editor${errors.length ? ' field-invalid' : ''}`}>
      <div className="editor-head">
        <label htmlFor={id}>{label}</label>
        <div role="tablist" aria-label={t('editor.mode')} className="tabs small">
          {(['write', 'preview'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${base}-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`${base}-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => show(name)}
              onKeyDown={onTabKey}
            >
              {t(name === 'write' ? 'editor.write' : 'editor.preview')}
            </button>
          ))}
        </div>
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel-write`}
        aria-labelledby={`${base}-tab-write`}
        hidden={tab !== 'write'}
      >
        <textarea
          id={id}
          rows={rows}
          value={value}
          required={required}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={[`${base}-hint`, errorId].filter(Boolean).join(' ')}
          aria-invalid={errors.length ? true : undefined}
        />
        <p className="hint" id={`${base}-hint`}>
          {t('editor.hint')}
        </p>
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel-preview`}
        aria-labelledby={`${base}-tab-preview`}
        hidden={tab !== 'preview'}
        className="preview"
        aria-live="polite"
      >
        {preview.isPending && <p className="state">{t('state.loading')}</p>}
        {preview.isError && <p className="field-error">{text(preview.error)}</p>}
        {preview.isSuccess &&
          (value.trim() ? (
            <Markdown html={preview.data.html} />
          ) : (
            <p className="state state-empty">{t('editor.nothing')}</p>
          ))}
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
