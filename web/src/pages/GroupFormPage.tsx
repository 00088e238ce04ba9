import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { invalidateGroup, isModerator, keys, useGroup } from '../api/queries';
import type { Group } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { fieldErrors, formError, useErrorText } from '../ui/errors';
import { Field, FormError, RadioGroup, SubmitButton } from '../ui/Field';
import { PageTitle } from '../ui/Layout';
import { MarkdownEditor } from '../ui/MarkdownEditor';
import { ErrorState, Loading } from '../ui/states';

const FIELDS = ['name', 'description', 'rules', 'visibility', 'joinPolicy'] as const;
type Visibility = Group['visibility'];
type JoinPolicy = Group['joinPolicy'];

/** Create a group (no :groupId) or edit one (moderators and owners). */
export function GroupFormPage() {
  const { groupId } = useParams();
  const group = useGroup(groupId);
  const { t } = useI18n();
  if (!groupId) return <GroupForm />;
  if (group.isPending) return <Loading />;
  if (group.isError) return <ErrorState error={group.error} retry={() => void group.refetch()} />;
  if (!isModerator(group.data)) return <ErrorState error={new Error(t('group.edit.notAllowed'))} />;
  return <GroupForm group={group.data} />;
}

function GroupForm({ group }: { group?: Group }) {
  const { t } = useI18n();
  const text = useErrorText();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [rules, setRules] = useState(group?.rules ?? '');
  const [visibility, setVisibility] = useState<Visibility>(group?.visibility ?? 'public');
  const [joinPolicy, setJoinPolicy] = useState<JoinPolicy>(group?.joinPolicy ?? 'open');
  const save = useMutation({
    mutationFn: () => {
      const body = { name, description, rules, visibility, joinPolicy };
      if (!group) return api('POST /api/groups', { body });
      // Only what changed, so unchanged rules do not ask every member to accept them again.
      const changed = Object.fromEntries(
        Object.entries(body).filter(([k, v]) => group[k as keyof typeof body] !== v),
      );
      return api('PATCH /api/groups/{groupId}', { params: { groupId: group.id }, body: changed });
    },
    onSuccess: async (saved) => {
      qc.setQueryData(keys.group(saved.id), saved);
      await invalidateGroup(qc, saved.id);
      void qc.invalidateQueries({ queryKey: ['groups'] });
      void navigate(`/groups/${saved.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = group ? t('group.edit.title', { name: group.name }) : t('groups.create');
  return (
    <section className="page narrow">
      <PageTitle title={title}>{title}</PageTitle>
      <form className="card form" onSubmit={submit} noValidate>
        <Field label={t('group.name')} errors={fieldErrors(save.error, 'name')}>
          {(p) => (
            <input
              {...p}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={100}
              required
            />
          )}
        </Field>
        <Field
          label={t('group.description')}
          hint={t('group.descriptionHint')}
          errors={fieldErrors(save.error, 'description')}
        >
          {(p) => (
            <textarea
              {...p}
              rows={4}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <MarkdownEditor
          label={t('group.rules')}
          value={rules}
          onChange={setRules}
          rows={6}
          errors={fieldErrors(save.error, 'rules')}
        />
        {group && rules !== group.rules && <p className="notice">{t('group.rulesChangeNotice')}</p>}
        <RadioGroup
          legend={t('group.visibility')}
          name="visibility"
          value={visibility}
          onChange={setVisibility}
          errors={fieldErrors(save.error, 'visibility')}
          options={(['public', 'private'] as const).map((v) => ({
            value: v,
            label: (
              <>
                <strong>{t(`group.visibility.${v}`)}</strong>{' '}
                <span className="muted">{t(`group.visibility.${v}.hint`)}</span>
              </>
            ),
          }))}
        />
        <RadioGroup
          legend={t('group.joinPolicy')}
          name="joinPolicy"
          value={joinPolicy}
          onChange={setJoinPolicy}
          errors={fieldErrors(save.error, 'joinPolicy')}
          options={(['open', 'approval', 'invite'] as const).map((v) => ({
            value: v,
            label: (
              <>
                <strong>{t(`group.policy.${v}`)}</strong>{' '}
                <span className="muted">{t(`group.policy.${v}.hint`)}</span>
              </>
            ),
          }))}
        />
        <FormError message={formError(save.error, FIELDS, text)} />
        <div className="form-actions">
          <SubmitButton pending={save.isPending}>
            {group ? t('action.save') : t('groups.create')}
          </SubmitButton>
          <Link to={group ? `/groups/${group.id}` : '/groups'}>{t('action.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
