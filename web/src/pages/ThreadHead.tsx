import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { activeRole, invalidateGroup, isModerator, keys, usePagedList } from '../api/queries';
import type { Group, Thread, ThreadSubscriptionLevel, VoteValue } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { Avatar, Time, UserLink } from '../ui/bits';
import { fieldErrors, formError, useErrorText } from '../ui/errors';
import { Field, FormError, SubmitButton } from '../ui/Field';
import { PageTitle } from '../ui/Layout';
import { LevelSelect } from '../ui/LevelSelect';
import { Markdown } from '../ui/Markdown';
import { MarkdownEditor } from '../ui/MarkdownEditor';
import { PagedList } from '../ui/states';
import { TagInput } from '../ui/TagInput';
import { useGroupTags } from './NewThreadPage';
import { KindBadge, VoteControl } from './thread-bits';
import { RemoveButton, ReportButton } from './post-actions';

function useThreadVote(thread: Thread) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (value: VoteValue) =>
      api('PUT /api/threads/{threadId}/vote', { params: { threadId: thread.id }, body: { value } }),
    // Optimistic: the score moves at once and moves back if the server refuses.
    onMutate: async (value) => {
      await qc.cancelQueries({ queryKey: keys.thread(thread.id), exact: true });
      const before = qc.getQueryData<Thread>(keys.thread(thread.id));
      qc.setQueryData<Thread>(keys.thread(thread.id), (th) =>
        th ? { ...th, score: th.score - th.vote + value, vote: value } : th,
      );
      return { before };
    },
    onError: (_err, _value, ctx) => {
      if (ctx?.before) qc.setQueryData(keys.thread(thread.id), ctx.before);
    },
    onSuccess: (res) =>
      qc.setQueryData<Thread>(keys.thread(thread.id), (th) =>
        th ? { ...th, score: res.score, vote: res.vote } : th,
      ),
  });
}

export function ThreadHead({ thread, group }: { thread: Thread; group: Group | undefined }) {
  const { t } = useI18n();
  const text = useErrorText();
  const { user } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const vote = useThreadVote(thread);
  const mod = isModerator(group);
  const isAuthor = !!user && thread.author?.id === user.id;
  const setThread = (th: Thread | void) => {
    if (th && typeof th === 'object')
      qc.setQueryData<Thread>(keys.thread(thread.id), (old) => ({
        ...th,
        vote: old?.vote ?? th.vote,
      }));
    else void qc.invalidateQueries({ queryKey: keys.thread(thread.id), exact: true });
    void invalidateGroup(qc, thread.groupId);
  };
  const modAction = useMutation({
    mutationFn: (action: 'lock' | 'unlock' | 'pin' | 'unpin') =>
      api(`POST /api/threads/{threadId}/${action}`, { params: { threadId: thread.id } }),
    onSuccess: setThread,
  });
  const remove = useMutation({
    mutationFn: (reason: string) =>
      api('DELETE /api/threads/{threadId}', {
        params: { threadId: thread.id },
        body: reason ? { reason } : {},
      }),
    onSuccess: () => {
      void invalidateGroup(qc, thread.groupId);
      qc.removeQueries({ queryKey: keys.thread(thread.id) });
      void navigate(`/groups/${thread.groupId}`);
    },
  });
  const voteDisabled = !user
    ? t('vote.signIn')
    : isAuthor
      ? t('vote.own')
      : !activeRole(group)
        ? t('vote.join')
        : null;
  if (editing) return <ThreadEditor thread={thread} onDone={() => setEditing(false)} />;
  const edited = (thread as { editedAt?: string | null }).editedAt;
  return (
    <header className="thread-head card">
      <VoteControl
        label={t('vote.thread')}
        score={thread.score}
        vote={thread.vote}
        disabledReason={voteDisabled}
        onVote={(v) => vote.mutate(v)}
      />
      <div className="thread-body">
        <PageTitle title={thread.title}>{thread.title}</PageTitle>
        <p className="thread-meta">
          <KindBadge kind={thread.kind} />
          {thread.pinned && <span className="badge badge-pinned">{t('thread.pinned')}</span>}
          {thread.locked && <span className="badge badge-locked">{t('thread.locked')}</span>}
          {thread.acceptedReplyId && (
            <span className="badge badge-answered">{t('thread.answered')}</span>
          )}
          <Avatar name={thread.author?.displayName ?? '?'} /> <UserLink user={thread.author} /> ·{' '}
          <Time iso={thread.createdAt} />
          {edited && (
            <>
              {' · '}
              <button
                type="button"
                className="linklike"
                aria-expanded={showHistory}
                onClick={() => setShowHistory((s) => !s)}
              >
                {t('thread.edited')} <Time iso={edited} />
              </button>
            </>
          )}
        </p>
        {thread.tags.length > 0 && (
          <ul className="chips small" aria-label={t('thread.tags')}>
            {thread.tags.map((tag) => (
              <li key={tag}>
                <Link
                  className="chip"
                  to={`/groups/${thread.groupId}?tag=${encodeURIComponent(tag)}`}
                >
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {thread.deleted && (
          <p className="alert alert-danger">
            {t(
              thread.deletedBy === 'moderator'
                ? 'thread.removedByModerator'
                : 'thread.deletedByAuthor',
            )}
          </p>
        )}
        <Markdown html={thread.html} className="thread-text" />
        {vote.isError && <FormError message={text(vote.error)} />}
        {showHistory && <ThreadHistory thread={thread} />}
        <div className="actions">
          {(isAuthor || mod) && (
            <button type="button" className="button ghost small" onClick={() => setEditing(true)}>
              {t('action.edit')}
            </button>
          )}
          {user && !isAuthor && <ReportButton targetType="thread" targetId={thread.id} />}
          {user && <ThreadSubscriptionSelect thread={thread} />}
          {(isAuthor || mod) && (
            <RemoveButton pending={remove.isPending} onRemove={(reason) => remove.mutate(reason)} />
          )}
          {mod && (
            <>
              <button
                type="button"
                className="button ghost small"
                disabled={modAction.isPending}
                onClick={() => modAction.mutate(thread.locked ? 'unlock' : 'lock')}
              >
                {thread.locked ? t('mod.unlock') : t('mod.lock')}
              </button>
              <button
                type="button"
                className="button ghost small"
                disabled={modAction.isPending}
                onClick={() => modAction.mutate(thread.pinned ? 'unpin' : 'pin')}
              >
                {thread.pinned ? t('mod.unpin') : t('mod.pin')}
              </button>
            </>
          )}
        </div>
        <FormError
          message={
            modAction.error ? text(modAction.error) : remove.error ? text(remove.error) : null
          }
        />
      </div>
    </header>
  );
}

function ThreadHistory({ thread }: { thread: Thread }) {
  return (
    <History
      revisions={usePagedList(keys.revisions(thread.id), 'GET /api/threads/{threadId}/revisions', {
        params: { threadId: thread.id },
      })}
    />
  );
}

/** Every version of a post, newest first (revision 1 is the original). */
export function History({
  revisions,
}: {
  revisions: ReturnType<typeof usePagedList<'GET /api/threads/{threadId}/revisions'>>;
}) {
  const { t } = useI18n();
  return (
    <section className="history card inset" aria-label={t('thread.history')}>
      <h2 className="h3">{t('thread.history')}</h2>
      <PagedList list={revisions} empty={t('thread.noHistory')}>
        {(items) => (
          <ol className="revision-list">
            {items.map((rev) => (
              <li key={rev.revision}>
                <p className="muted small">
                  {t('thread.revision', { n: rev.revision })} · <UserLink user={rev.editor} /> ·{' '}
                  <Time iso={rev.editedAt} />
                </p>
                {rev.title && <p className="revision-title">{rev.title}</p>}
                <Markdown html={rev.html} />
                {rev.tags && rev.tags.length > 0 && (
                  <p className="muted small">{rev.tags.join(', ')}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </PagedList>
    </section>
  );
}

function ThreadEditor({ thread, onDone }: { thread: Thread; onDone(): void }) {
  const { t } = useI18n();
  const text = useErrorText();
  const qc = useQueryClient();
  const suggestions = useGroupTags(thread.groupId);
  const [title, setTitle] = useState(thread.title);
  const [body, setBody] = useState(thread.body);
  const [tags, setTags] = useState<string[]>(thread.tags);
  const save = useMutation({
    mutationFn: () =>
      api('PATCH /api/threads/{threadId}', {
        params: { threadId: thread.id },
        body: { title, body, tags },
      }),
    onSuccess: (th) => {
      qc.setQueryData<Thread>(keys.thread(thread.id), (old) => ({
        ...th,
        vote: old?.vote ?? th.vote,
      }));
      void qc.invalidateQueries({ queryKey: keys.revisions(thread.id) });
      void invalidateGroup(qc, thread.groupId);
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-label={t('thread.editTitle')}>
      <PageTitle title={thread.title}>{t('thread.editTitle')}</PageTitle>
      <Field label={t('compose.title')} errors={fieldErrors(save.error, 'title')}>
        {(p) => (
          <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        )}
      </Field>
      <MarkdownEditor
        label={t('compose.body')}
        value={body}
        onChange={setBody}
        rows={10}
        errors={fieldErrors(save.error, 'body')}
      />
      <TagInput
        label={t('compose.tags')}
        tags={tags}
        onChange={setTags}
        suggestions={suggestions}
        errors={fieldErrors(save.error, 'tags')}
      />
      <FormError message={formError(save.error, ['title', 'body', 'tags'], text)} />
      <div className="form-actions">
        <SubmitButton pending={save.isPending}>{t('action.save')}</SubmitButton>
        <button type="button" className="button ghost" onClick={onDone}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

const THREAD_LEVELS: ThreadSubscriptionLevel[] = ['watching', 'normal', 'muted'];

/** Whether replies to this thread are pushed to the reader, only notified, or silenced. */
function ThreadSubscriptionSelect({ thread }: { thread: Thread }) {
  const { t } = useI18n();
  return (
    <LevelSelect
      label={t('threadSubscription.label')}
      levels={THREAD_LEVELS}
      optionLabel={(l) => t(`threadSubscription.${l}`)}
      queryKey={keys.threadSubscription(thread.id)}
      load={(signal) =>
        api('GET /api/threads/{threadId}/subscription', { params: { threadId: thread.id }, signal })
      }
      save={(level) =>
        api('PUT /api/threads/{threadId}/subscription', {
          params: { threadId: thread.id },
          body: { level },
        })
      }
    />
  );
}
