import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keys, usePagedList } from '../api/queries';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../ui/Layout';
import { PagedList } from '../ui/states';
import { GroupBadges } from './group-bits';

export function GroupDirectoryPage() {
  const { t, tn } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const mine = params.get('mine') === '1';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  // Search as you type, a moment after the typing stops.
  const setFilters = (next: { q?: string; mine?: boolean }, replace = true) => {
    const p: Record<string, string> = {};
    const nq = next.q ?? q;
    if (nq) p.q = nq;
    if (next.mine ?? mine) p.mine = '1';
    setParams(p, { replace });
  };
  useEffect(() => {
    const timer = setTimeout(() => {
      if (draft.trim() !== q) setFilters({ q: draft.trim() });
    }, 300);
    return () => clearTimeout(timer);
    // setFilters is rebuilt each render; the debounce only cares about the typed text.
  }, [draft, q]);
  const list = usePagedList(keys.groups(`${q}|${mine}`), 'GET /api/groups', {
    query: { q: q || undefined, ...(mine ? { mine: true } : {}) },
  });
  return (
    <section className="page">
      <div className="page-head">
        <PageTitle title={t('groups.title')}>{t('groups.title')}</PageTitle>
        {session.state === 'signed-in' && (
          <Link to="/groups/new" className="button primary">
            {t('groups.create')}
          </Link>
        )}
      </div>
      <form
        role="search"
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ q: draft.trim() }, false);
        }}
      >
        <label htmlFor="group-search" className="visually-hidden">
          {t('groups.search')}
        </label>
        <input
          id="group-search"
          type="search"
          placeholder={t('groups.searchPlaceholder')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button secondary">
          {t('action.search')}
        </button>
      </form>
      {session.state === 'signed-in' && (
        <label className="choice">
          <input
            type="checkbox"
            checked={mine}
            onChange={(e) => setFilters({ mine: e.target.checked })}
          />
          <span>{t('groups.mine')}</span>
        </label>
      )}
      <PagedList
        list={list}
        empty={
          <>{q ? t('groups.noMatch', { q }) : mine ? t('groups.noneMine') : t('groups.none')}</>
        }
      >
        {() => (
          <ul className="group-grid">
            {list.items.map((g) => (
              <li key={g.id} className="card group-card">
                <h2>
                  <Link to={`/groups/${g.id}`}>{g.name}</Link>
                </h2>
                <GroupBadges group={g} />
                <p className="clamp">{g.description}</p>
                {g.memberCount !== null && (
                  <p className="muted small">{tn('groups.members', g.memberCount)}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
