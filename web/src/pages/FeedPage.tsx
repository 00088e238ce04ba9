import { Link, useSearchParams } from 'react-router';
import { keys, usePagedList } from '../api/queries';
import { useI18n } from '../i18n/i18n';
import { useNewThreads } from '../live/new-threads';
import { PageTitle } from '../ui/Layout';
import { PagedList } from '../ui/states';
import { NewPostsBanner, ThreadList } from './thread-bits';

export function FeedPage() {
  const { t } = useI18n();
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
          <select
            value={sort}
            onChange={(e) =>
              setParams(e.target.value === 'latest' ? {} : { sort: e.target.value }, {
                replace: true,
              })
            }
          >
            <option value="latest">{t('threads.sort.latest')}</option>
            <option value="active">{t('threads.sort.active')}</option>
          </select>
        </label>
      </div>
      <NewPostsBanner
        fresh={fresh}
        label="feed.newThreads"
        onShow={() => {
          clear();
          void list.refetch();
        }}
      />
      <PagedList
        list={list}
        empty={
          <>
            {t('feed.empty')} <Link to="/groups">{t('feed.findGroups')}</Link>
          </>
        }
      >
        {() => <ThreadList threads={list.items} showGroup />}
      </PagedList>
    </section>
  );
}
