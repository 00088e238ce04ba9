import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import {
  activeRole,
  invalidateGroup,
  isModerator,
  keys,
  patchListItems,
  useGroup,
  usePagedList,
  useThread,
} from '../api/queries';
import {
  addReplyToCache,
  patchReplyInCache,
  replyInCache,
  setCommentsInCache,
} from '../api/replies-cache';
import type {
  Answer,
  Group,
  Reply,
  Thread,
  ThreadSubscriptionLevel,
  VoteValue,
} from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { useLiveEvent, useWatchThread } from '../live/live';
import { Avatar, Time, UserLink } from '../ui/bits';
import { fieldErrors, formError, useErrorText } from '../ui/errors';
import { Field, FormError, ReasonForm, SubmitButton } from '../ui/Field';
import { PageTitle } from '../ui/Layout';
import { LevelSelect } from '../ui/LevelSelect';
import { Markdown } from '../ui/Markdown';
import { MarkdownEditor } from '../ui/MarkdownEditor';
import { Loading, PagedList } from '../ui/states';
import { TagInput } from '../ui/TagInput';
import { isRulesError, JoinPanel, Unavailable } from './GroupPage';
import { useGroupTags } from './NewThreadPage';
import { KindBadge, VoteControl } from './thread-bits';

type Pending = Reply & { pending?: true };

export function ThreadPage() {
  const { threadId = '' } = useParams();
  const thread = useThread(threadId);
  const group = useGroup(thread.data?.groupId);
  useWatchThread(thread.data?.id);
  if (thread.isPending) return <Loading />;
  if (thread.isError)
    return <Unavailable error={thread.error} retry={() => void thread.refetch()} />;
  return <ThreadView thread={thread.data} group={group.data} />;
}

function ThreadView({ thread, group }: { thread: Thread; group: Group | undefined }) {
  const { t, tn } = useI18n();
  const { user } = useSession();
  const [sort, setSort] = useState<'oldest' | 'top'>('oldest');
  const [liveNote, setLiveNote] = useState<string | null>(null);
  const replies = usePagedList(
    keys.replies(thread.id, sort),
    'GET /api/threads/{threadId}/replies',
    { params: { threadId: thread.id }, query: { sort } },
  );
  // A link to one reply (#reply-<id>, from notifications and reports) scrolls to it once loaded.
  const { hash } = useLocation();
  const loaded = replies.isSuccess;
  useEffect(() => {
    if (!loaded || !hash.startsWith('#reply-')) return;
    const el = document.getElementById(hash.slice(1));
    if (!el) return;
    el.classList.add('highlight');
    el.scrollIntoView({ block: 'center' });
  }, [loaded, hash]);
  useLiveEvent('reply.created', ({ threadId, reply }) => {
    if (threadId === thread.id && reply.author?.id !== user?.id)
      setLiveNote(t('thread.liveReply', { name: reply.author?.displayName ?? '' }));
  });
  const mod = isModerator(group);
  const member = !!activeRole(group);
  const answers = replies.items;
  // The accepted answer leads, whatever the sort.
  const accepted = answers.find((r) => r.id === thread.acceptedReplyId);
  const ordered = accepted ? [accepted, ...answers.filter((r) => r !== accepted)] : answers;
  const isQuestion = thread.kind === 'question';
  return (
    <article className="page thread-page">
      <p className="breadcrumb">
        {group ? <Link to={`/groups/${group.id}`}>{group.name}</Link> : <span>&nbsp;</span>}
      </p>
      <ThreadHead thread={thread} group={group} />
      <section className="replies" aria-labelledby="replies-heading">
        <div className="replies-head">
          <h2 id="replies-heading">
            {/* replyCount includes comments: count the answers themselves once they are all loaded. */}
            {replies.isSuccess && !replies.hasNextPage
              ? tn(
                  isQuestion ? 'thread.answerCount' : 'thread.replyCount',
                  answers.filter((a) => !a.deleted).length,
                )
              : tn('thread.replyCount', thread.replyCount)}
          </h2>
          <label>
            {t('threads.sort')}
            <select value={sort} onChange={(e) => setSort(e.target.value as 'oldest' | 'top')}>
              <option value="oldest">{t('replies.sort.oldest')}</option>
              <option value="top">{t('replies.sort.top')}</option>
            </select>
          </label>
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {liveNote}
        </p>
        <PagedList
          list={replies}
          empty={isQuestion ? t('replies.noneQuestion') : t('replies.none')}
        >
          {() => (
            <ol className="reply-list">
              {ordered.map((r) => (
                <ReplyItem key={r.id} reply={r} thread={thread} group={group} answer={r} />
              ))}
            </ol>
          )}
        </PagedList>
      </section>
      {thread.locked ? (
        <p className="alert alert-info">{t('thread.lockedNotice')}</p>
      ) : member ? (
        <ReplyComposer thread={thread} />
      ) : user && group ? (
        <div className="card">
          <p>{t('replies.joinToAnswer')}</p>
          <JoinPanel group={group} />
        </div>
      ) : !user ? (
        <p className="alert alert-info">
          <Link to={`/signin?next=${encodeURIComponent(`/threads/${thread.id}`)}`}>
            {t('auth.signIn')}
          </Link>{' '}
          {t('replies.signInToAnswer')}
        </p>
      ) : null}
      {mod && <p className="muted small">{t('thread.modHint')}</p>}
    </article>
  );
}

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

function ThreadHead({ thread, group }: { thread: Thread; group: Group | undefined }) {
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

function ReplyHistory({ reply }: { reply: Reply }) {
  return (
    <History
      revisions={usePagedList(
        ['reply', reply.id, 'revisions', reply.revisionCount],
        'GET /api/replies/{replyId}/revisions',
        { params: { replyId: reply.id } },
      )}
    />
  );
}

/** Every version of a post, newest first (revision 1 is the original). */
function History({
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

function useReplyVote(threadId: string, reply: Reply) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (value: VoteValue) =>
      api('PUT /api/replies/{replyId}/vote', { params: { replyId: reply.id }, body: { value } }),
    onMutate: (value) => {
      const before = { score: reply.score, vote: reply.vote };
      patchReplyInCache(qc, threadId, reply.id, (r) => ({
        ...r,
        score: r.score - r.vote + value,
        vote: value,
      }));
      return { before };
    },
    onError: (_e, _v, ctx) => {
      if (ctx) patchReplyInCache(qc, threadId, reply.id, (r) => ({ ...r, ...ctx.before }));
    },
    onSuccess: (res) =>
      patchReplyInCache(qc, threadId, reply.id, (r) => ({
        ...r,
        score: res.score,
        vote: res.vote,
      })),
  });
}

/** An answer with its comments, or (isComment) one comment. */
function ReplyItem({
  reply,
  thread,
  group,
  answer,
  isComment,
}: {
  reply: Pending;
  thread: Thread;
  group: Group | undefined;
  answer?: Answer;
  isComment?: boolean;
}) {
  const { t } = useI18n();
  const text = useErrorText();
  const { user } = useSession();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [commenting, setCommenting] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const vote = useReplyVote(thread.id, reply);
  const mod = isModerator(group);
  const member = !!activeRole(group);
  const isAuthor = !!user && reply.author?.id === user.id;
  const isThreadAuthor = !!user && thread.author?.id === user.id;
  const accepted = thread.acceptedReplyId === reply.id;
  const setThread = (th: Thread) => {
    qc.setQueryData<Thread>(keys.thread(thread.id), (old) => ({
      ...th,
      vote: old?.vote ?? th.vote,
    }));
    patchListItems<Thread>(qc, ['group'], thread.id, (old) => ({
      ...old,
      acceptedReplyId: th.acceptedReplyId,
    }));
  };
  const accept = useMutation({
    mutationFn: (replyId: string | null) =>
      api('POST /api/threads/{threadId}/accept', {
        params: { threadId: thread.id },
        body: { replyId },
      }),
    onSuccess: setThread,
  });
  const remove = useMutation({
    mutationFn: (reason: string) =>
      api('DELETE /api/replies/{replyId}', {
        params: { replyId: reply.id },
        body: reason ? { reason } : {},
      }),
    onSuccess: () => {
      // A removed reply keeps its place, blanked.
      patchReplyInCache(qc, thread.id, reply.id, (r) => ({
        ...r,
        deleted: true,
        deletedBy: isAuthor ? 'author' : 'moderator',
        body: '',
        html: '',
        author: null,
      }));
      qc.setQueryData<Thread>(keys.thread(thread.id), (th) =>
        th ? { ...th, replyCount: Math.max(0, th.replyCount - 1) } : th,
      );
    },
  });
  const comments = useMutation({
    mutationFn: () =>
      api('GET /api/replies/{replyId}/comments', {
        params: { replyId: reply.id },
        query: { limit: 100 },
      }),
    onSuccess: (page) => setCommentsInCache(qc, thread.id, reply.id, page.items),
  });
  const voteDisabled = reply.pending
    ? t('state.working')
    : !user
      ? t('vote.signIn')
      : isAuthor
        ? t('vote.own')
        : !member
          ? t('vote.join')
          : thread.locked
            ? t('thread.locked')
            : null;
  const className = `reply${accepted ? ' accepted' : ''}${reply.pending ? ' pending' : ''}${isComment ? ' comment' : ''}${reply.deleted ? ' removed' : ''}`;
  if (reply.deleted) {
    return (
      <li className={className} id={`reply-${reply.id}`}>
        <div className="reply-body">
          <p className="muted">
            {t(
              reply.deletedBy === 'moderator'
                ? 'reply.removedByModerator'
                : 'reply.deletedByAuthor',
            )}
          </p>
          {answer && <Comments answer={answer} thread={thread} group={group} />}
        </div>
      </li>
    );
  }
  return (
    <li className={className} id={`reply-${reply.id}`} aria-busy={reply.pending ? true : undefined}>
      {!isComment && (
        <VoteControl
          label={t('vote.reply')}
          score={reply.score}
          vote={reply.vote as VoteValue}
          disabledReason={voteDisabled}
          onVote={(v) => vote.mutate(v)}
        />
      )}
      <div className="reply-body">
        {accepted && <p className="badge badge-answered">{t('reply.accepted')}</p>}
        <p className="reply-meta">
          <Avatar name={reply.author?.displayName ?? '?'} /> <UserLink user={reply.author} /> ·{' '}
          {reply.pending ? (
            <span className="muted">{t('reply.sending')}</span>
          ) : (
            <Time iso={reply.createdAt} />
          )}
          {reply.editedAt && (
            <>
              {' · '}
              <button
                type="button"
                className="linklike"
                aria-expanded={showHistory}
                onClick={() => setShowHistory((x) => !x)}
              >
                {t('thread.edited')}
              </button>
            </>
          )}
          {isComment && reply.score !== 0 && (
            <span className="muted"> · {t('reply.points', { score: reply.score })}</span>
          )}
        </p>
        {editing ? (
          <ReplyEditor threadId={thread.id} reply={reply} onDone={() => setEditing(false)} />
        ) : (
          <Markdown html={reply.html} />
        )}
        {showHistory && <ReplyHistory reply={reply} />}
        {!reply.pending && !editing && (
          <div className="actions">
            {!isComment && thread.kind === 'question' && (isThreadAuthor || mod) && (
              <button
                type="button"
                className="button ghost small"
                disabled={accept.isPending}
                onClick={() => accept.mutate(accepted ? null : reply.id)}
              >
                {accepted ? t('reply.unaccept') : t('reply.accept')}
              </button>
            )}
            {!isComment && member && !thread.locked && (
              <button
                type="button"
                className="button ghost small"
                aria-expanded={commenting}
                onClick={() => setCommenting((c) => !c)}
              >
                {t('reply.comment')}
              </button>
            )}
            {(isAuthor || mod) && (
              <button type="button" className="button ghost small" onClick={() => setEditing(true)}>
                {t('action.edit')}
              </button>
            )}
            {(isAuthor || mod) && (
              <RemoveButton
                pending={remove.isPending}
                onRemove={(reason) => remove.mutate(reason)}
              />
            )}
            {user && !isAuthor && member && <ReportButton targetType="reply" targetId={reply.id} />}
          </div>
        )}
        {(vote.error || accept.error || remove.error || comments.error) && (
          <FormError message={text(vote.error ?? accept.error ?? remove.error ?? comments.error)} />
        )}
        {answer && (
          <Comments
            answer={answer}
            thread={thread}
            group={group}
            onMore={() => comments.mutate()}
            loadingMore={comments.isPending}
          />
        )}
        {commenting && (
          <ReplyComposer
            thread={thread}
            parentReplyId={reply.id}
            onDone={() => setCommenting(false)}
          />
        )}
      </div>
    </li>
  );
}

function Comments({
  answer,
  thread,
  group,
  onMore,
  loadingMore,
}: {
  answer: Answer;
  thread: Thread;
  group: Group | undefined;
  onMore?: () => void;
  loadingMore?: boolean;
}) {
  const { t } = useI18n();
  if (!answer.comments.length && !answer.moreComments) return null;
  return (
    <>
      <ol className="comment-list" aria-label={t('reply.comments')}>
        {answer.comments.map((c) => (
          <ReplyItem key={c.id} reply={c} thread={thread} group={group} isComment />
        ))}
      </ol>
      {answer.moreComments && onMore && (
        <button type="button" className="linklike small" disabled={loadingMore} onClick={onMore}>
          {t('reply.allComments')}
        </button>
      )}
    </>
  );
}

function ReplyEditor({
  threadId,
  reply,
  onDone,
}: {
  threadId: string;
  reply: Reply;
  onDone(): void;
}) {
  const { t } = useI18n();
  const text = useErrorText();
  const qc = useQueryClient();
  const [body, setBody] = useState(reply.body);
  const save = useMutation({
    mutationFn: () =>
      api('PATCH /api/replies/{replyId}', { params: { replyId: reply.id }, body: { body } }),
    onSuccess: (saved) => {
      patchReplyInCache(qc, threadId, reply.id, (r) => ({ ...saved, vote: r.vote }));
      onDone();
    },
  });
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <MarkdownEditor
        label={t('reply.editLabel')}
        value={body}
        onChange={setBody}
        rows={5}
        errors={fieldErrors(save.error, 'body')}
      />
      <FormError message={formError(save.error, ['body'], text)} />
      <div className="form-actions">
        <button type="submit" className="button primary small" disabled={save.isPending}>
          {t('action.save')}
        </button>
        <button type="button" className="button ghost small" onClick={onDone}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Posts a reply (or a comment under one). Optimistic: the reply shows at once, marked as
 * sending, and is taken back (text restored in the box, error shown) if the server refuses.
 */
function ReplyComposer({
  thread,
  parentReplyId,
  onDone,
}: {
  thread: Thread;
  parentReplyId?: string;
  onDone?(): void;
}) {
  const { t } = useI18n();
  const text = useErrorText();
  const { user } = useSession();
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const post = useMutation({
    mutationFn: (b: string) =>
      api('POST /api/threads/{threadId}/replies', {
        params: { threadId: thread.id },
        body: parentReplyId ? { body: b, parentReplyId } : { body: b },
      }),
    onMutate: (b) => {
      const tempId = `pending-${Date.now()}`;
      // Shown as plain text until the server's rendering arrives.
      const temp: Pending = {
        id: tempId,
        threadId: thread.id,
        groupId: thread.groupId,
        parentReplyId: parentReplyId ?? null,
        body: b,
        html: escapeHtml(b)
          .split(/\n{2,}/)
          .map((para) => `<p>${para}</p>`)
          .join(''),
        author: user
          ? {
              id: user.id,
              handle: user.handle,
              displayName: user.displayName,
              headline: user.headline,
            }
          : null,
        score: 0,
        vote: 0,
        accepted: false,
        revisionCount: 1,
        createdAt: new Date().toISOString(),
        editedAt: null,
        deleted: false,
        deletedBy: null,
        pending: true,
      };
      addReplyToCache(qc, thread.id, temp);
      setBody('');
      return { tempId };
    },
    onError: (err, b, ctx) => {
      if (ctx) patchReplyInCache(qc, thread.id, ctx.tempId, () => null);
      setBody(b);
      if (isRulesError(err) || (err instanceof ApiError && err.status === 403))
        void invalidateGroup(qc, thread.groupId);
      if (err instanceof ApiError && err.status === 423)
        void qc.invalidateQueries({ queryKey: keys.thread(thread.id), exact: true });
    },
    onSuccess: (reply, _b, ctx) => {
      // The live event may have brought the same reply already: then just drop the placeholder.
      const present = replyInCache(qc, thread.id, reply.id);
      patchReplyInCache(qc, thread.id, ctx.tempId, () => (present ? null : reply));
      if (!present)
        qc.setQueryData<Thread>(keys.thread(thread.id), (th) =>
          th ? { ...th, replyCount: th.replyCount + 1 } : th,
        );
      onDone?.();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) post.mutate(body);
  };
  const label = parentReplyId
    ? t('reply.commentLabel')
    : thread.kind === 'question'
      ? t('reply.answerLabel')
      : t('reply.replyLabel');
  return (
    <form
      className={parentReplyId ? 'form comment-form' : 'card form reply-form'}
      onSubmit={submit}
      noValidate
    >
      {!parentReplyId && <h2 className="h3">{label}</h2>}
      {parentReplyId ? (
        <Field label={label} errors={fieldErrors(post.error, 'body')}>
          {(p) => (
            <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
          )}
        </Field>
      ) : (
        <MarkdownEditor
          label={t('compose.body')}
          value={body}
          onChange={setBody}
          rows={6}
          errors={fieldErrors(post.error, 'body')}
        />
      )}
      <FormError message={formError(post.error, ['body'], text)} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={post.isPending || !body.trim()}>
          {parentReplyId
            ? t('reply.postComment')
            : thread.kind === 'question'
              ? t('reply.postAnswer')
              : t('reply.postReply')}
        </button>
        {onDone && (
          <button type="button" className="button ghost" onClick={onDone}>
            {t('action.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
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

function RemoveButton({ onRemove, pending }: { onRemove(reason: string): void; pending: boolean }) {
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
