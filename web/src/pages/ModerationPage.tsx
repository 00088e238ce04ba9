import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../api/client';
import {
  activeRole,
  invalidateGroup,
  isModerator,
  keys,
  useGroup,
  usePagedList,
} from '../api/queries';
import type { Group, Member, Report, Role } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { Avatar, Time, UserLink } from '../ui/bits';
import { fieldErrors, formError, useErrorText } from '../ui/errors';
import { Field, FormError, ReasonForm } from '../ui/Field';
import { PageTitle } from '../ui/Layout';
import { ErrorState, Loading, PagedList } from '../ui/states';

const TABS = ['applicants', 'invites', 'reports', 'members', 'banned', 'audit'] as const;
type Tab = (typeof TABS)[number];

/** Everything a moderator does for a group, one tab per job. */
export function ModerationPage() {
  const { groupId = '' } = useParams();
  const { t } = useI18n();
  const group = useGroup(groupId);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'applicants';
  if (group.isPending) return <Loading />;
  if (group.isError) return <ErrorState error={group.error} retry={() => void group.refetch()} />;
  const g = group.data;
  if (!isModerator(g)) return <ErrorState error={new ApiError(403, t('mod.notAllowed'))} />;
  const select = (next: Tab) =>
    setParams(next === 'applicants' ? {} : { tab: next }, { replace: true });
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i - 1 + TABS.length) % TABS.length]
          : null;
    if (next) {
      e.preventDefault();
      select(next);
      document.getElementById(`mod-tab-${next}`)?.focus();
    }
  };
  return (
    <section className="page">
      <p className="breadcrumb">
        <Link to={`/groups/${g.id}`}>{g.name}</Link>
      </p>
      <PageTitle title={t('mod.console')}>{t('mod.console')}</PageTitle>
      <div role="tablist" aria-label={t('mod.console')} className="tabs">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`mod-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="mod-panel"
            tabIndex={tab === name ? 0 : -1}
            onClick={() => select(name)}
            onKeyDown={onKey}
          >
            {t(`mod.tab.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="mod-panel" aria-labelledby={`mod-tab-${tab}`} className="tab-panel">
        {tab === 'applicants' && <MemberQueue group={g} status="pending" />}
        {tab === 'invites' && <Invites group={g} />}
        {tab === 'reports' && <Reports group={g} />}
        {tab === 'members' && <MemberQueue group={g} status="active" />}
        {tab === 'banned' && <MemberQueue group={g} status="banned" />}
        {tab === 'audit' && <AuditLog group={g} />}
      </div>
    </section>
  );
}

function MemberQueue({
  group,
  status,
}: {
  group: Group;
  status: 'pending' | 'active' | 'banned' | 'invited';
}) {
  const { t } = useI18n();
  // Shown above the list: an approved, rejected, banned or unbanned member leaves it.
  const [outcome, setOutcome] = useState<string | null>(null);
  const list = usePagedList(
    keys.members(group.id, { status }),
    'GET /api/groups/{groupId}/members',
    { params: { groupId: group.id }, query: { status } },
  );
  return (
    <>
      {outcome && (
        <p className="success" role="status">
          {outcome}
        </p>
      )}
      <PagedList list={list} empty={t(`mod.empty.${status}`)}>
        {(items) => (
          <ul className="member-list">
            {items.map((m) => (
              <MemberRow key={m.user.id} group={group} member={m} onDone={setOutcome} />
            ))}
          </ul>
        )}
      </PagedList>
    </>
  );
}

function MemberRow({
  group,
  member,
  onDone,
}: {
  group: Group;
  member: Member;
  onDone(message: string): void;
}) {
  const { t } = useI18n();
  const text = useErrorText();
  const { user } = useSession();
  const qc = useQueryClient();
  const [banning, setBanning] = useState(false);
  const params = { groupId: group.id, userId: member.user.id };
  const after = (message: string) => async () => {
    onDone(t('mod.outcome', { name: member.user.displayName, outcome: message }));
    setBanning(false);
    await invalidateGroup(qc, group.id);
  };
  const approve = useMutation({
    mutationFn: () => api('POST /api/groups/{groupId}/members/{userId}/approve', { params }),
    onSuccess: after(t('mod.approved')),
  });
  const reject = useMutation({
    mutationFn: () =>
      api('POST /api/groups/{groupId}/members/{userId}/reject', { params, body: {} }),
    onSuccess: after(t('mod.rejected')),
  });
  const ban = useMutation({
    mutationFn: (reason: string) =>
      api('POST /api/groups/{groupId}/members/{userId}/ban', { params, body: { reason } }),
    onSuccess: after(t('mod.banned')),
  });
  const unban = useMutation({
    mutationFn: () => api('DELETE /api/groups/{groupId}/members/{userId}/ban', { params }),
    onSuccess: after(t('mod.unbanned')),
  });
  const setRole = useMutation({
    mutationFn: (role: Role) =>
      api('PATCH /api/groups/{groupId}/members/{userId}', { params, body: { role } }),
    onSuccess: after(t('mod.roleChanged')),
  });
  const error = approve.error ?? reject.error ?? ban.error ?? unban.error ?? setRole.error;
  const isOwner = activeRole(group) === 'owner';
  const self = member.user.id === user?.id;
  return (
    <li className="member member-mod">
      <Avatar name={member.user.displayName} />
      <div className="member-who">
        <UserLink user={member.user} /> <span className="muted">@{member.user.handle}</span>
        {member.status === 'banned' && member.banReason && (
          <p className="muted small">{t('membership.banReason', { reason: member.banReason })}</p>
        )}
        {member.status === 'active' && (
          <span className={`badge badge-role-${member.role}`}>{t(`role.${member.role}`)}</span>
        )}
      </div>
      <div className="member-actions">
        {member.status === 'pending' && (
          <button
            type="button"
            className="button primary small"
            disabled={approve.isPending}
            onClick={() => approve.mutate()}
          >
            {t('mod.approve')}
          </button>
        )}
        {member.status === 'pending' && (
          <button
            type="button"
            className="button secondary small"
            disabled={reject.isPending}
            onClick={() => reject.mutate()}
          >
            {t('mod.reject')}
          </button>
        )}
        {member.status === 'active' && isOwner && !self && (
          <label>
            <span className="visually-hidden">
              {t('mod.roleFor', { name: member.user.displayName })}
            </span>
            <select
              value={member.role}
              disabled={setRole.isPending}
              onChange={(e) => setRole.mutate(e.target.value as Role)}
            >
              {(['member', 'moderator', 'owner'] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {member.status === 'active' && !self && !banning && (
          <button
            type="button"
            className="button ghost small danger"
            onClick={() => setBanning(true)}
          >
            {t('mod.ban')}
          </button>
        )}
        {member.status === 'banned' && (
          <button
            type="button"
            className="button secondary small"
            disabled={unban.isPending}
            onClick={() => unban.mutate()}
          >
            {t('mod.unban')}
          </button>
        )}
      </div>
      {banning && (
        <ReasonForm
          label={t('mod.banReason', { name: member.user.displayName })}
          submitLabel={t('mod.confirmBan')}
          danger
          required
          pending={ban.isPending}
          errors={fieldErrors(ban.error, 'reason')}
          onSubmit={(reason) => ban.mutate(reason)}
          onCancel={() => setBanning(false)}
        />
      )}
      <FormError message={formError(error, ['reason', 'role'], text)} />
    </li>
  );
}

function Invites({ group }: { group: Group }) {
  const { t } = useI18n();
  const text = useErrorText();
  const qc = useQueryClient();
  const [who, setWho] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const invite = useMutation({
    // Moderators know people by @handle; the API wants the id, and answers the profile by either.
    mutationFn: async () => {
      const handle = who.trim().replace(/^@/, '');
      let user;
      try {
        user = await api('GET /api/users/{userId}', { params: { userId: handle } });
      } catch (err) {
        if (err instanceof ApiError && (err.status === 404 || err.status === 400))
          throw new ApiError(404, [t('mod.inviteUnknown', { who: handle })]);
        throw err;
      }
      await api('POST /api/groups/{groupId}/invites', {
        params: { groupId: group.id },
        body: { userId: user.id },
      });
      return user;
    },
    onSuccess: async (user) => {
      setDone(t('mod.invited', { name: user.displayName }));
      setWho('');
      await invalidateGroup(qc, group.id);
    },
  });
  return (
    <>
      <form
        className="card form inline"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          invite.mutate();
        }}
      >
        <Field
          label={t('mod.inviteWho')}
          hint={t('mod.inviteHint')}
          errors={fieldErrors(invite.error, 'userId')}
        >
          {(p) => (
            <input
              {...p}
              value={who}
              onChange={(e) => setWho(e.target.value)}
              autoCapitalize="none"
              spellCheck={false}
              required
            />
          )}
        </Field>
        <button type="submit" className="button primary" disabled={invite.isPending || !who.trim()}>
          {t('mod.invite')}
        </button>
        <FormError message={formError(invite.error, ['userId'], text)} />
        {done && (
          <p className="success" role="status">
            {done}
          </p>
        )}
      </form>
      <h2 className="h3">{t('mod.openInvites')}</h2>
      <MemberQueue group={group} status="invited" />
    </>
  );
}

function Reports({ group }: { group: Group }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const list = usePagedList(keys.reports(group.id, status), 'GET /api/groups/{groupId}/reports', {
    params: { groupId: group.id },
    query: { status },
  });
  return (
    <>
      <div className="toolbar">
        <label>
          {t('mod.reportStatus')}
          <select value={status} onChange={(e) => setStatus(e.target.value as 'open' | 'resolved')}>
            <option value="open">{t('mod.reports.open')}</option>
            <option value="resolved">{t('mod.reports.resolved')}</option>
          </select>
        </label>
      </div>
      <PagedList
        list={list}
        empty={t(status === 'open' ? 'mod.reports.none' : 'mod.reports.noneResolved')}
      >
        {() => (
          <ul className="report-list">
            {list.items.map((r) => (
              <ReportRow key={r.id} group={group} report={r} />
            ))}
          </ul>
        )}
      </PagedList>
    </>
  );
}

/** What a report is about, as a moderator needs to see it: a link and the first words. */
function useReportTarget(report: Report): {
  link: string | null;
  title: string | null;
  excerpt: string | null;
} {
  const target = useQuery({
    queryKey: ['report-target', report.targetType, report.targetId],
    enabled: report.targetType !== 'user',
    retry: false,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      if (report.targetType === 'thread') {
        const th = await api('GET /api/threads/{threadId}', {
          params: { threadId: report.targetId },
          signal,
        });
        return { link: `/threads/${th.id}`, title: th.title, excerpt: th.body };
      }
      const r = await api('GET /api/replies/{replyId}', {
        params: { replyId: report.targetId },
        signal,
      });
      return { link: `/threads/${r.threadId}#reply-${r.id}`, title: null, excerpt: r.body };
    },
  });
  if (report.targetType === 'user')
    return { link: `/users/${report.targetId}`, title: null, excerpt: null };
  const excerpt = target.data?.excerpt ?? null;
  return {
    link:
      target.data?.link ?? (report.targetType === 'thread' ? `/threads/${report.targetId}` : null),
    title: target.data?.title ?? null,
    excerpt: excerpt && excerpt.length > 280 ? `${excerpt.slice(0, 280)}…` : excerpt,
  };
}

function ReportRow({ group, report }: { group: Group; report: Report }) {
  const { t } = useI18n();
  const text = useErrorText();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const resolve = useMutation({
    mutationFn: (action: 'dismiss' | 'remove') =>
      api('POST /api/reports/{reportId}/resolve', {
        params: { reportId: report.id },
        body: note.trim() ? { action, note: note.trim() } : { action },
      }),
    onSuccess: () => invalidateGroup(qc, group.id),
  });
  const target = useReportTarget(report);
  return (
    <li className="card report">
      <p>
        <span className="badge">{t(`report.target.${report.targetType}`)}</span>{' '}
        {target.link && <Link to={target.link}>{target.title ?? t('mod.viewReported')}</Link>}
      </p>
      {target.excerpt && <blockquote className="prewrap">{target.excerpt}</blockquote>}
      <p>
        <strong>{t('report.reason')}:</strong> {report.reason}
      </p>
      <p className="muted small">
        {t('mod.reportedBy')} <UserLink user={report.reporter} /> · <Time iso={report.createdAt} />
      </p>
      {report.status === 'open' ? (
        <div className="inline-form">
          <Field label={t('mod.resolveNote')}>
            {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button
            type="button"
            className="button secondary small"
            disabled={resolve.isPending}
            onClick={() => resolve.mutate('dismiss')}
          >
            {t('mod.dismiss')}
          </button>
          <button
            type="button"
            className="button danger small"
            disabled={resolve.isPending}
            onClick={() => resolve.mutate('remove')}
          >
            {t('mod.removeContent')}
          </button>
        </div>
      ) : (
        <p className="muted small">{t('mod.reports.resolvedState')}</p>
      )}
      <FormError message={resolve.error ? text(resolve.error) : null} />
    </li>
  );
}

function AuditLog({ group }: { group: Group }) {
  const { t } = useI18n();
  const list = usePagedList(keys.audit(group.id), 'GET /api/groups/{groupId}/audit-log', {
    params: { groupId: group.id },
  });
  return (
    <PagedList list={list} empty={t('mod.audit.none')}>
      {(items) => (
        <table className="audit">
          <caption className="visually-hidden">{t('mod.tab.audit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mod.audit.when')}</th>
              <th scope="col">{t('mod.audit.who')}</th>
              <th scope="col">{t('mod.audit.action')}</th>
              <th scope="col">{t('mod.audit.target')}</th>
              <th scope="col">{t('mod.audit.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>
                  <Time iso={e.createdAt} />
                </td>
                <td>
                  <UserLink user={e.actor} />
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.targetType} <span className="muted small">{e.targetId}</span>
                </td>
                <td>{e.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PagedList>
  );
}
