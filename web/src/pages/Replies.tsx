import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import {
  activeRole,
  invalidateGroup,
  isModerator,
  keys,
  patchListItems,
  usePagedList,
} from '../api/queries';
import {
  addReplyToCache,
  patchReplyInCache,
  replyInCache,
  setCommentsInCache,
} from '../api/replies-cache';
import type { Answer, Group, Reply, Thread, VoteValue } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { Avatar, Time, UserLink } from '../ui/bits';
import { fieldErrors, formError, useErrorText } from '../ui/errors';
import { Field, FormError } from '../ui/Field';
import { Markdown } from '../ui/Markdown';
import { MarkdownEditor } from '../ui/MarkdownEditor';
import { isRulesError } from './GroupPage';
import { VoteControl } from './thread-bits';
import { RemoveButton, ReportButton } from './post-actions';
import { History } from './ThreadHead';

export type Pending = Reply & { pending?: true };

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
export function ReplyItem({
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
export function ReplyComposer({
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
