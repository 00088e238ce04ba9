import { Link, useSearchParams } from 'react-router';
import { keys, usePagedList } from '../api/queries';
import { useI18n } from '../i18n/i18n';
import { useNewThreads } from '../live/new-threads';
import { PageTitle } from '../ui/Layout';
import { Empty, ErrorState, LoadMore, Loading } from '../ui/states';
import { ThreadList } from './thread-bits';

export function FeedPage() {
  const { t, tn } = useI18n();
  const [params, setParams] = useSearchParams();
  const sort = params.get('sort') === 'active' ? 'active' : 'latest';
  const list = usePagedList(keys.feed(sort), 'GET /api/me/feed', { query: { sort } });
  const { fresh, clear } = useNewThreads(null);
  return (
    <section className="page">
      <div className="page-head">
        <PageTitle title={t('feed.title')}>{t('feed.title')}</PageTitle>
        <label>
          {t('threads.sort')}
          <select value={sort} onChange={(e) => setParams(e.target.value === 'latest' ? {} : { sort: e.target.value }, { replace: true })}>
            <option value="latest">{t('threads.sort.latest')}</option>
            <option value="active">{t('threads.sort.active')}</option>
          </select>
        </label>
      </div>
      {fresh.length > 0 && (
        <div className="new-banner" role="status">
          <span>
            {tn('feed.newThreads', fresh.length)}: {fresh.slice(0, 3).map((th) => th.title).join(' · ')}
          </span>
          <button
            type="button"
            className="button primary small"
            onClick={() => {
              clear();
              void list.refetch();
            }}
          >
            {t('threads.showNew')}
          </button>
        </div>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.items.length === 0 ? (
        <Empty>
          {t('feed.empty')} <Link to="/groups">{t('feed.findGroups')}</Link>
        </Empty>
      ) : (
        <ThreadList threads={list.items} showGroup />
      )}
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
    </section>
  );
}
