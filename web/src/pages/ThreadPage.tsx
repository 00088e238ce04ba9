import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { activeRole, isModerator, keys, useGroup, usePagedList, useThread } from '../api/queries';
import type { Group, Thread } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { useLiveEvent, useWatchThread } from '../live/live';
import { Loading, PagedList } from '../ui/states';
import { JoinPanel, Unavailable } from './GroupPage';
import { ReplyComposer, ReplyItem } from './Replies';
import { ThreadHead } from './ThreadHead';

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
