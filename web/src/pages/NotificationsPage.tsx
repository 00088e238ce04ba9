import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { keys, usePagedList } from '../api/queries';
import type { Notification } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { Time, UserLink } from '../ui/bits';
import { useErrorText } from '../ui/errors';
import { FormError } from '../ui/Field';
import { PageTitle } from '../ui/Layout';
import { PagedList } from '../ui/states';

/** How many unread notifications the caller has (at most 100 are counted). */
export function useUnreadCount(): number {
  const session = useSession();
  const unread = useQuery({
    queryKey: keys.notifications(true),
    enabled: session.state === 'signed-in',
    retry: false,
    staleTime: 30_000,
    queryFn: ({ signal }) =>
      api('GET /api/me/notifications', { query: { unread: true, limit: 100 }, signal }),
  });
  return unread.data?.items.length ?? 0;
}

function link(n: Notification): string {
  return `/threads/${n.threadId}${n.replyId ? `#reply-${n.replyId}` : ''}`;
}

export function NotificationsPage() {
  const { t } = useI18n();
  const text = useErrorText();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = usePagedList(keys.notifications(false), 'GET /api/me/notifications', { query: {} });
  const markRead = useMutation({
    mutationFn: (ids?: string[]) =>
      api('POST /api/me/notifications/read', { body: ids ? { ids } : {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const open = (n: Notification) => {
    if (!n.read) markRead.mutate([n.id]);
    void navigate(link(n));
  };
  return (
    <section className="page narrow">
      <div className="page-head">
        <PageTitle title={t('notifications.title')}>{t('notifications.title')}</PageTitle>
        {list.items.some((n) => !n.read) && (
          <button
            type="button"
            className="button secondary"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate(undefined)}
          >
            {t('notifications.markAll')}
          </button>
        )}
      </div>
      <FormError message={markRead.error ? text(markRead.error) : null} />
      <PagedList list={list} empty={t('notifications.none')}>
        {() => (
          <ul className="notification-list">
            {list.items.map((n) => (
              <li key={n.id} className={`card notification${n.read ? '' : ' unread'}`}>
                <p>
                  {!n.read && (
                    <span className="visually-hidden">{t('notifications.unread')}: </span>
                  )}
                  <UserLink user={n.actor} /> {t(`notifications.kind.${n.kind}`)}{' '}
                  <Link
                    to={link(n)}
                    onClick={(e) => {
                      e.preventDefault();
                      open(n);
                    }}
                  >
                    {n.threadTitle}
                  </Link>
                </p>
                {n.excerpt && <p className="muted clamp">{n.excerpt}</p>}
                <p className="muted small">
                  <Time iso={n.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
