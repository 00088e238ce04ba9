import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, NavLink, Outlet, useOutletContext, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../api/client';
import {
  activeRole,
  invalidateGroup,
  isModerator,
  keys,
  useGroup,
  usePagedList,
} from '../api/queries';
import type { Group, SubscriptionLevel, ThreadKind } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { useNewThreads } from '../live/new-threads';
import { Avatar, Time, UserLink } from '../ui/bits';
import { useErrorText } from '../ui/errors';
import { FormError } from '../ui/Field';
import { PageTitle } from '../ui/Layout';
import { LevelSelect } from '../ui/LevelSelect';
import { Markdown } from '../ui/Markdown';
import { ErrorState, Loading, PagedList } from '../ui/states';
import { GroupBadges } from './group-bits';
import { NewPostsBanner, ThreadList } from './thread-bits';

interface GroupOutlet {
  group: Group;
}

export function useGroupOutlet(): GroupOutlet {
  return useOutletContext<GroupOutlet>();
}

export function GroupLayout() {
  const { groupId = '' } = useParams();
  const { t, tn } = useI18n();
  const group = useGroup(groupId);
  if (group.isPending) return <Loading />;
  if (group.isError) return <Unavailable error={group.error} retry={() => void group.refetch()} />;
  const g = group.data;
  const mod = isModerator(g);
  return (
    <section className="page">
      <header className="group-head card">
        <div className="group-title">
          <PageTitle title={g.name}>{g.name}</PageTitle>
          <GroupBadges group={g} />
          {g.memberCount !== null && <p className="muted">{tn('groups.members', g.memberCount)}</p>}
        </div>
        <div className="group-actions">
          {mod && (
            <>
              <Link className="button secondary" to={`/groups/${g.id}/moderation`}>
                {t('mod.console')}
              </Link>
              <Link className="button secondary" to={`/groups/${g.id}/edit`}>
                {t('group.edit')}
              </Link>
            </>
          )}
        </div>
        <JoinPanel group={g} />
      </header>
      <nav className="tabs" aria-label={t('group.sections')}>
        <NavLink to={`/groups/${groupId}`} end>
          {t('group.tab.threads')}
        </NavLink>
        <NavLink to={`/groups/${groupId}/about`}>{t('group.tab.about')}</NavLink>
        <NavLink to={`/groups/${groupId}/members`}>{t('group.tab.members')}</NavLink>
      </nav>
      <Outlet context={{ group: g } satisfies GroupOutlet} />
    </section>
  );
}

/** A group or thread the caller cannot see (banned: 403 with the reason; private or gone: 404). */
export function Unavailable({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  const title =
    error instanceof ApiError && error.status === 403
      ? t('group.noAccess')
      : error instanceof ApiError && error.status === 404
        ? t('notFound.title')
        : t('error.title');
  return (
    <section className="page narrow">
      <PageTitle title={title}>{title}</PageTitle>
      <ErrorState error={error} retry={retry} />
      <p>
        <Link to="/groups">{t('nav.groups')}</Link>
      </p>
    </section>
  );
}

export function RulesView({ group }: { group: Group }) {
  const { t } = useI18n();
  const html = (group as { rulesHtml?: string }).rulesHtml;
  if (!group.rules) return <p className="muted">{t('group.noRules')}</p>;
  return html ? <Markdown html={html} /> : <p className="prewrap">{group.rules}</p>;
}

/** The rules version the caller accepted, when the server tells; otherwise assume the current one. */
function acceptedVersion(group: Group): number {
  const m = group.membership as { acceptedRulesVersion?: number } | null;
  return m?.acceptedRulesVersion ?? group.rulesVersion;
}

export function needsRulesAcceptance(group: Group): boolean {
  return group.membership?.status === 'active' && group.rulesVersion > acceptedVersion(group);
}

/** Join, request to join, accept an invite, see a pending request or a ban, accept changed rules, leave. */
export function JoinPanel({ group }: { group: Group }) {
  const { t } = useI18n();
  const text = useErrorText();
  const session = useSession();
  const qc = useQueryClient();
  const [accepted, setAccepted] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const m = group.membership;
  const hasRules = group.rulesVersion > 0 && !!group.rules;
  const refresh = () => invalidateGroup(qc, group.id);

  const join = useMutation({
    mutationFn: () =>
      api('POST /api/groups/{groupId}/join', {
        params: { groupId: group.id },
        body: hasRules ? { acceptRulesVersion: group.rulesVersion } : {},
      }),
    onSuccess: async (res) => {
      await refresh();
      setNotice(res.status === 'pending' ? t('membership.requested') : t('membership.joined'));
      void qc.invalidateQueries({ queryKey: ['feed'] });
    },
  });
  const leave = useMutation({
    mutationFn: () => api('POST /api/groups/{groupId}/leave', { params: { groupId: group.id } }),
    onSuccess: async () => {
      await refresh();
      setNotice(t('membership.left'));
    },
  });
  const acceptRules = useMutation({
    mutationFn: () =>
      api('POST /api/groups/{groupId}/rules/accept', {
        params: { groupId: group.id },
        body: { version: group.rulesVersion },
      }),
    onSuccess: async () => {
      await refresh();
      setNotice(t('rules.acceptedNotice'));
    },
  });
  const error = join.error ?? leave.error ?? acceptRules.error;

  if (session.state !== 'signed-in') {
    return (
      <div className="join-panel">
        <Link
          className="button primary"
          to={`/signin?next=${encodeURIComponent(`/groups/${group.id}`)}`}
        >
          {t('membership.signInToJoin')}
        </Link>
      </div>
    );
  }

  const rulesConsent = hasRules && (
    <details className="rules-consent" open>
      <summary>{t('rules.readFirst', { version: group.rulesVersion })}</summary>
      <RulesView group={group} />
      <label className="choice">
        <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
        <span>{t('rules.iAccept', { version: group.rulesVersion })}</span>
      </label>
    </details>
  );

  let body;
  const status = m?.status;
  if (status === 'banned') {
    body = (
      <p className="alert alert-danger" role="alert">
        {t('membership.banned')}
        {m?.banReason ? ` ${t('membership.banReason', { reason: m.banReason })}` : ''}
      </p>
    );
  } else if (status === 'pending') {
    body = <p className="alert alert-info">{t('membership.pending')}</p>;
  } else if (status === 'active') {
    body = (
      <>
        {needsRulesAcceptance(group) && (
          <div className="alert alert-warning">
            <p>
              <strong>{t('rules.changed', { version: group.rulesVersion })}</strong>
            </p>
            <RulesView group={group} />
            <button
              type="button"
              className="button primary"
              disabled={acceptRules.isPending}
              onClick={() => acceptRules.mutate()}
            >
              {t('rules.acceptNew', { version: group.rulesVersion })}
            </button>
          </div>
        )}
        <div className="membership-line">
          <span>{t('membership.youAre', { role: t(`role.${m!.role}`) })}</span>
          <SubscriptionSelect group={group} />
          <button
            type="button"
            className="button ghost small"
            disabled={leave.isPending}
            onClick={() => leave.mutate()}
          >
            {t('membership.leave')}
          </button>
        </div>
      </>
    );
  } else {
    const invited = status === 'invited';
    const canJoin = group.joinPolicy !== 'invite' || invited;
    body = canJoin ? (
      <form
        className="join-form"
        onSubmit={(e) => {
          e.preventDefault();
          join.mutate();
        }}
      >
        {invited && <p className="alert alert-info">{t('membership.invited')}</p>}
        {rulesConsent}
        <button
          type="submit"
          className="button primary"
          disabled={join.isPending || (hasRules && !accepted)}
        >
          {invited
            ? t('membership.acceptInvite')
            : group.joinPolicy === 'approval'
              ? t('membership.request')
              : t('membership.join')}
        </button>
      </form>
    ) : (
      <p className="muted">{t('membership.inviteOnly')}</p>
    );
  }
  return (
    <div className="join-panel">
      {body}
      {notice && (
        <p className="success" role="status">
          {notice}
        </p>
      )}
      <FormError message={error ? text(error) : null} />
    </div>
  );
}

const LEVELS: SubscriptionLevel[] = ['all', 'questions', 'mentions', 'muted'];

/** Which new posts of the group reach the member live (and in the "new posts" banner). */
function SubscriptionSelect({ group }: { group: Group }) {
  const { t } = useI18n();
  return (
    <LevelSelect
      label={t('subscription.label')}
      levels={LEVELS}
      optionLabel={(l) => t(`subscription.${l}`)}
      queryKey={keys.subscription(group.id)}
      load={(signal) =>
        api('GET /api/groups/{groupId}/subscription', { params: { groupId: group.id }, signal })
      }
      save={(level) =>
        api('PUT /api/groups/{groupId}/subscription', {
          params: { groupId: group.id },
          body: { level },
        })
      }
    />
  );
}

const SORTS = ['latest', 'active', 'top', 'unanswered'] as const;
const KINDS = ['question', 'discussion', 'announcement'] as const;

export function GroupThreadsTab() {
  const { group } = useGroupOutlet();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as (typeof SORTS)[number])
    : 'latest';
  const kind = (KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as ThreadKind)
    : undefined;
  const tag = params.get('tag') ?? undefined;
  const filters = { sort, kind, tag };
  const list = usePagedList(
    keys.groupThreads(group.id, filters),
    'GET /api/groups/{groupId}/threads',
    {
      params: { groupId: group.id },
      query: filters,
    },
  );
  const { fresh, clear } = useNewThreads(group.id);
  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const role = activeRole(group);
  const tagsSeen = [...new Set(list.items.flatMap((th) => th.tags))].sort();
  return (
    <div className="tab-panel">
      <div className="toolbar">
        <div className="filters">
          <label>
            {t('threads.sort')}
            <select
              value={sort}
              onChange={(e) =>
                set('sort', e.target.value === 'latest' ? undefined : e.target.value)
              }
            >
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`threads.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('threads.kind')}
            <select value={kind ?? ''} onChange={(e) => set('kind', e.target.value || undefined)}>
              <option value="">{t('threads.kind.all')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}.plural`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('threads.tag')}
            <select value={tag ?? ''} onChange={(e) => set('tag', e.target.value || undefined)}>
              <option value="">{t('threads.tag.all')}</option>
              {[...new Set([...(tag ? [tag] : []), ...tagsSeen])].map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
        </div>
        {role && (
          <div className="compose-actions">
            <Link className="button primary" to={`/groups/${group.id}/new?kind=question`}>
              {t('threads.ask')}
            </Link>
            <Link className="button secondary" to={`/groups/${group.id}/new?kind=discussion`}>
              {t('threads.discuss')}
            </Link>
          </div>
        )}
      </div>
      {tag && (
        <p className="active-filter">
          {t('threads.taggedWith')} <span className="chip">{tag}</span>{' '}
          <button
            type="button"
            className="button ghost small"
            onClick={() => set('tag', undefined)}
          >
            {t('threads.clearTag')}
          </button>
        </p>
      )}
      <NewPostsBanner
        fresh={fresh}
        label="threads.newQuestions"
        onShow={() => {
          clear();
          void list.refetch();
        }}
      />
      <PagedList list={list} empty={tag || kind ? t('threads.noneMatching') : t('threads.none')}>
        {() => <ThreadList threads={list.items} onTag={(x) => set('tag', x)} />}
      </PagedList>
    </div>
  );
}

export function GroupAboutTab() {
  const { group } = useGroupOutlet();
  const { t, date } = useI18n();
  return (
    <div className="tab-panel about">
      <section className="card">
        <h2>{t('group.about')}</h2>
        {group.description ? (
          <p className="prewrap">{group.description}</p>
        ) : (
          <p className="muted">{t('group.noDescription')}</p>
        )}
        <dl className="facts">
          <dt>{t('group.visibility')}</dt>
          <dd>{t(`group.visibility.${group.visibility}`)}</dd>
          <dt>{t('group.joinPolicy')}</dt>
          <dd>{t(`group.policy.${group.joinPolicy}`)}</dd>
          <dt>{t('group.created')}</dt>
          <dd>{date(group.createdAt)}</dd>
        </dl>
      </section>
      <section className="card">
        <h2>
          {t('group.rules')}{' '}
          {group.rulesVersion > 0 && (
            <span className="muted small">
              ({t('rules.version', { version: group.rulesVersion })})
            </span>
          )}
        </h2>
        <RulesView group={group} />
      </section>
    </div>
  );
}

export function GroupMembersTab() {
  const { group } = useGroupOutlet();
  const { t } = useI18n();
  const [role, setRole] = useState<'' | 'owner' | 'moderator' | 'member'>('');
  const list = usePagedList(
    keys.members(group.id, { role, status: 'active' }),
    'GET /api/groups/{groupId}/members',
    {
      params: { groupId: group.id },
      query: { role: role || undefined, status: 'active' },
    },
  );
  return (
    <div className="tab-panel">
      <div className="toolbar">
        <label>
          {t('members.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            <option value="">{t('members.allRoles')}</option>
            {(['owner', 'moderator', 'member'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}.plural`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <PagedList list={list} empty={t('members.none')}>
        {() => (
          <ul className="member-list">
            {list.items.map((m) => (
              <li key={m.user.id} className="member">
                <Avatar name={m.user.displayName} />
                <div>
                  <UserLink user={m.user} /> <span className="muted">@{m.user.handle}</span>
                  {m.user.headline && <p className="muted small">{m.user.headline}</p>}
                </div>
                <span className={`badge badge-role-${m.role}`}>{t(`role.${m.role}`)}</span>
                {m.joinedAt && (
                  <span className="muted small">
                    {t('members.joined')} <Time iso={m.joinedAt} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </PagedList>
    </div>
  );
}

/** True when an API error says the caller must accept the group's changed rules first. */
export function isRulesError(err: unknown): boolean {
  return err instanceof ApiError && err.status === 403 && /rules/i.test(err.message);
}
