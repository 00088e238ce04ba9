import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { activeRole, invalidateGroup, isModerator, keys, useGroup } from '../api/queries';
import type { ThreadKind } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { fieldErrors, formError, useErrorText } from '../ui/errors';
import { Field, FormError, RadioGroup, SubmitButton } from '../ui/Field';
import { PageTitle } from '../ui/Layout';
import { MarkdownEditor } from '../ui/MarkdownEditor';
import { ErrorState, Loading } from '../ui/states';
import { TagInput } from '../ui/TagInput';
import { isRulesError, JoinPanel, needsRulesAcceptance } from './GroupPage';

const FIELDS = ['kind', 'title', 'body', 'tags'] as const;

/**
 * The group's existing tags, most used first, for suggestions: counted over its latest
 * hundred threads (the API has no tag list of its own).
 */
export function useGroupTags(groupId: string | undefined): string[] {
  const tags = useQuery({
    queryKey: keys.groupTags(groupId ?? ''),
    enabled: !!groupId,
    staleTime: 60_000,
    retry: false,
    queryFn: async ({ signal }) => {
      const page = await api('GET /api/groups/{groupId}/threads', {
        params: { groupId: groupId! },
        query: { limit: 100 },
        signal,
      });
      const counts = new Map<string, number>();
      for (const th of page.items)
        for (const tag of th.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return [...counts]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([tag]) => tag);
    },
  });
  return tags.data ?? [];
}

export function NewThreadPage() {
  const { groupId = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const text = useErrorText();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const group = useGroup(groupId);
  const suggestions = useGroupTags(group.data?.id);
  const initialKind =
    params.get('kind') === 'discussion'
      ? 'discussion'
      : params.get('kind') === 'announcement'
        ? 'announcement'
        : 'question';
  const [kind, setKind] = useState<ThreadKind>(initialKind);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const post = useMutation({
    mutationFn: () =>
      api('POST /api/groups/{groupId}/threads', {
        params: { groupId: group.data!.id },
        body: { kind, title, body, tags },
      }),
    onSuccess: (thread) => {
      qc.setQueryData(keys.thread(thread.id), thread);
      void invalidateGroup(qc, thread.groupId);
      void qc.invalidateQueries({ queryKey: ['feed'] });
      void navigate(`/threads/${thread.id}`);
    },
    onError: (err) => {
      if (isRulesError(err)) void invalidateGroup(qc, group.data!.id);
    },
  });
  if (group.isPending) return <Loading />;
  if (group.isError) return <ErrorState error={group.error} retry={() => void group.refetch()} />;
  const g = group.data;
  const kinds: ThreadKind[] = isModerator(g)
    ? ['question', 'discussion', 'announcement']
    : ['question', 'discussion'];
  const heading = t(
    kind === 'question'
      ? 'compose.askTitle'
      : kind === 'announcement'
        ? 'compose.announceTitle'
        : 'compose.discussTitle',
  );
  if (!activeRole(g) || needsRulesAcceptance(g)) {
    return (
      <section className="page narrow">
        <PageTitle title={heading}>{heading}</PageTitle>
        <p>{t('compose.mustJoin', { group: g.name })}</p>
        <JoinPanel group={g} />
      </section>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate();
  };
  return (
    <section className="page narrow">
      <p className="breadcrumb">
        <Link to={`/groups/${g.id}`}>{g.name}</Link>
      </p>
      <PageTitle title={heading}>{heading}</PageTitle>
      <form className="card form" onSubmit={submit} noValidate>
        <RadioGroup
          legend={t('compose.kind')}
          name="kind"
          value={kind}
          onChange={setKind}
          inline
          errors={fieldErrors(post.error, 'kind')}
          options={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <Field
          label={t('compose.title')}
          hint={kind === 'question' ? t('compose.titleHintQuestion') : undefined}
          errors={fieldErrors(post.error, 'title')}
        >
          {(p) => (
            <input
              {...p}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              maxLength={200}
              required
            />
          )}
        </Field>
        <MarkdownEditor
          label={t('compose.body')}
          value={body}
          onChange={setBody}
          rows={10}
          errors={fieldErrors(post.error, 'body')}
          required
        />
        <TagInput
          label={t('compose.tags')}
          tags={tags}
          onChange={setTags}
          suggestions={suggestions}
          max={5}
          errors={fieldErrors(post.error, 'tags')}
        />
        <FormError message={formError(post.error, FIELDS, text)} />
        <div className="form-actions">
          <SubmitButton pending={post.isPending}>
            {t(kind === 'question' ? 'compose.postQuestion' : 'compose.post')}
          </SubmitButton>
          <Link to={`/groups/${g.id}`}>{t('action.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
