import { Link } from 'react-router';
import type { Thread, ThreadSummary, VoteValue } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Time, UserLink } from '../ui/bits';

export function KindBadge({ kind }: { kind: ThreadSummary['kind'] }) {
  const { t } = useI18n();
  return <span className={`badge badge-kind-${kind}`}>{t(`kind.${kind}`)}</span>;
}

/** Threads as rows: title, kind, state, tags, author, activity, score and answers. */
export function ThreadList({
  threads,
  onTag,
  showGroup,
}: {
  threads: ThreadSummary[];
  onTag?: (tag: string) => void;
  showGroup?: boolean;
}) {
  const { t, tn } = useI18n();
  return (
    <ul className="thread-list">
      {threads.map((th) => {
        const group = th.group;
        return (
          <li key={th.id} className={`thread-row${th.pinned ? ' pinned' : ''}`}>
            <div className="thread-stats" aria-hidden="true">
              <span className="stat">
                <strong>{th.score}</strong>
                <small>{t('thread.votes')}</small>
              </span>
              <span className={`stat${th.acceptedReplyId ? ' answered' : ''}`}>
                <strong>{th.replyCount}</strong>
                <small>{t('thread.replies')}</small>
              </span>
            </div>
            <div className="thread-main">
              <h3>
                <Link to={`/threads/${th.id}`}>{th.title}</Link>
              </h3>
              <p className="thread-meta">
                <KindBadge kind={th.kind} />
                {th.pinned && <span className="badge badge-pinned">{t('thread.pinned')}</span>}
                {th.locked && <span className="badge badge-locked">{t('thread.locked')}</span>}
                {th.acceptedReplyId && (
                  <span className="badge badge-answered">{t('thread.answered')}</span>
                )}
                <span className="visually-hidden">
                  {tn('thread.scoreText', th.score)}, {tn('thread.replyCount', th.replyCount)}.
                </span>
                {showGroup && group && (
                  <>
                    {t('thread.in')} <Link to={`/groups/${group.id}`}>{group.name}</Link> ·{' '}
                  </>
                )}
                <UserLink user={th.author} /> · <Time iso={th.createdAt} />
              </p>
              {th.tags.length > 0 && (
                <ul className="chips small" aria-label={t('thread.tags')}>
                  {th.tags.map((tag) => (
                    <li key={tag}>
                      {onTag ? (
                        <button
                          type="button"
                          className="chip chip-button"
                          onClick={() => onTag(tag)}
                          aria-label={t('threads.filterByTag', { tag })}
                        >
                          {tag}
                        </button>
                      ) : (
                        <span className="chip">{tag}</span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

interface VoteProps {
  score: number;
  vote: VoteValue;
  /** Why voting is not possible (own post, signed out, not a member), or null. */
  disabledReason: string | null;
  onVote(value: VoteValue): void;
  label: string;
}

/** Up/down vote buttons: pressing the pressed one again takes the vote back. */
export function VoteControl({ score, vote, disabledReason, onVote, label }: VoteProps) {
  const { t, tn } = useI18n();
  return (
    <div className="vote" role="group" aria-label={label}>
      <button
        type="button"
        className="vote-up"
        aria-pressed={vote === 1}
        aria-label={t('vote.up')}
        title={disabledReason ?? t('vote.up')}
        disabled={!!disabledReason}
        onClick={() => onVote(vote === 1 ? 0 : 1)}
      >
        ▲
      </button>
      <span className="vote-score" aria-live="polite" aria-label={tn('thread.scoreText', score)}>
        {score}
      </span>
      <button
        type="button"
        className="vote-down"
        aria-pressed={vote === -1}
        aria-label={t('vote.down')}
        title={disabledReason ?? t('vote.down')}
        disabled={!!disabledReason}
        onClick={() => onVote(vote === -1 ? 0 : -1)}
      >
        ▼
      </button>
    </div>
  );
}

/** Posts announced live since the list was loaded, with a button to show them. */
export function NewPostsBanner({
  fresh,
  label,
  onShow,
}: {
  fresh: Thread[];
  label: 'feed.newThreads' | 'threads.newQuestions';
  onShow(): void;
}) {
  const { t, tn } = useI18n();
  if (!fresh.length) return null;
  return (
    <div className="new-banner" role="status">
      <span>
        {tn(label, fresh.length)}:{' '}
        {fresh
          .slice(0, 3)
          .map((th) => th.title)
          .join(' · ')}
      </span>
      <button type="button" className="button primary small" onClick={onShow}>
        {t('threads.showNew')}
      </button>
    </div>
  );
}
