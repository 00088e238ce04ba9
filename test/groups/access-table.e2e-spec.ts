import type { Test } from 'supertest';
import { newUser, TestUser } from '../helpers/factories';
import { banUser, inviteUser, joinGroup, newGroup, setRole, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';

/**
 * Who may do what, from the outside: every group and moderation route, called by each role,
 * with the exact status code each must get. Every cell that should succeed runs in a world of
 * its own (its own group), so a success cannot change what another cell sees; cells that must
 * fail share one world per group kind.
 */
const ROLES = ['anonymous', 'outsider', 'invitee', 'pending', 'member', 'moderator', 'owner', 'banned'] as const;
type Role = (typeof ROLES)[number];

/** The people of a world; each holds the role of their name (anonymous holds none). */
interface People {
  owner: TestUser;
  moderator: TestUser;
  member: TestUser;
  invitee: TestUser;
  pending: TestUser;
  banned: TestUser;
  outsider: TestUser;
  /** Acted upon: an applicant to approve/reject, a member to promote/ban/report, a banned user to unban, a stranger to invite. */
  targetApplicant: TestUser;
  targetMember: TestUser;
  targetBanned: TestUser;
  stranger: TestUser;
}

interface World {
  group: TestGroup;
  /** An open report (by targetMember about member) for the resolve route. */
  reportId: string;
}

type Auth = Record<string, string>;
type Call = (t: TestApp, w: World, p: People, auth: Auth) => Test;

interface Route {
  name: string;
  call: Call;
  private: Record<Role, number>;
  /** The cells that matter most on a public group (approval policy). */
  public: Partial<Record<Role, number>>;
}

const g = (w: World) => `/api/groups/${w.group.id}`;

/** Columns: anonymous, outsider, invitee, pending, member, moderator, owner, banned. */
function row(...codes: number[]): Record<Role, number> {
  return Object.fromEntries(ROLES.map((r, i) => [r, codes[i]])) as Record<Role, number>;
}

const ROUTES: Route[] = [
  {
    name: 'GET /groups/:groupId',
    call: (t, w, _p, a) => t.http().get(g(w)).set(a),
    private: row(404, 404, 200, 200, 200, 200, 200, 403),
    public: { anonymous: 200, outsider: 200, pending: 200, banned: 403 },
  },
  {
    name: 'PATCH /groups/:groupId',
    call: (t, w, _p, a) => t.http().patch(g(w)).set(a).send({ description: 'changed' }),
    private: row(401, 404, 404, 404, 403, 200, 200, 403),
    public: { anonymous: 401, outsider: 403, pending: 403, member: 403, moderator: 200, banned: 403 },
  },
  {
    name: 'POST /groups/:groupId/join',
    call: (t, w, _p, a) => t.http().post(`${g(w)}/join`).set(a).send({ acceptRulesVersion: 1 }),
    private: row(401, 404, 201, 409, 409, 409, 409, 403),
    public: { anonymous: 401, outsider: 202, invitee: 201, pending: 409, member: 409, banned: 403 },
  },
  {
    name: 'POST /groups/:groupId/rules/accept',
    call: (t, w, _p, a) => t.http().post(`${g(w)}/rules/accept`).set(a).send({ version: 1 }),
    private: row(401, 404, 404, 404, 200, 200, 200, 403),
    public: { outsider: 403, pending: 403, member: 200, banned: 403 },
  },
  {
    name: 'POST /groups/:groupId/leave',
    call: (t, w, _p, a) => t.http().post(`${g(w)}/leave`).set(a),
    private: row(401, 404, 204, 204, 204, 204, 409, 403),
    public: { outsider: 409, member: 204, owner: 409, banned: 403 },
  },
  {
    name: 'GET /groups/:groupId/members',
    call: (t, w, _p, a) => t.http().get(`${g(w)}/members`).set(a),
    private: row(404, 404, 404, 404, 200, 200, 200, 403),
    public: { anonymous: 200, outsider: 200, banned: 403 },
  },
  {
    name: 'GET /groups/:groupId/members?status=pending',
    call: (t, w, _p, a) => t.http().get(`${g(w)}/members?status=pending`).set(a),
    private: row(404, 404, 404, 404, 403, 200, 200, 403),
    public: { anonymous: 401, outsider: 403, member: 403, moderator: 200, banned: 403 },
  },
  {
    name: 'POST /groups/:groupId/members/:userId/approve',
    call: (t, w, p, a) => t.http().post(`${g(w)}/members/${p.targetApplicant.id}/approve`).set(a),
    private: row(401, 404, 404, 404, 403, 200, 200, 403),
    public: { outsider: 403, pending: 403, member: 403, moderator: 200, banned: 403 },
  },
  {
    name: 'POST /groups/:groupId/members/:userId/reject',
    call: (t, w, p, a) => t.http().post(`${g(w)}/members/${p.targetApplicant.id}/reject`).set(a).send({ reason: 'no' }),
    private: row(401, 404, 404, 404, 403, 200, 200, 403),
    public: { outsider: 403, member: 403, moderator: 200 },
  },
  {
    name: 'PATCH /groups/:groupId/members/:userId',
    call: (t, w, p, a) => t.http().patch(`${g(w)}/members/${p.targetMember.id}`).set(a).send({ role: 'moderator' }),
    private: row(401, 404, 404, 404, 403, 403, 200, 403),
    public: { outsider: 403, member: 403, moderator: 403, owner: 200 },
  },
  {
    name: 'POST /groups/:groupId/members/:userId/ban',
    call: (t, w, p, a) => t.http().post(`${g(w)}/members/${p.targetMember.id}/ban`).set(a).send({ reason: 'spam' }),
    private: row(401, 404, 404, 404, 403, 200, 200, 403),
    public: { outsider: 403, member: 403, moderator: 200, banned: 403 },
  },
  {
    name: 'DELETE /groups/:groupId/members/:userId/ban',
    call: (t, w, p, a) => t.http().delete(`${g(w)}/members/${p.targetBanned.id}/ban`).set(a),
    private: row(401, 404, 404, 404, 403, 204, 204, 403),
    public: { outsider: 403, member: 403, moderator: 204 },
  },
  {
    name: 'POST /groups/:groupId/invites',
    call: (t, w, p, a) => t.http().post(`${g(w)}/invites`).set(a).send({ userId: p.stranger.id }),
    private: row(401, 404, 404, 404, 403, 201, 201, 403),
    public: { outsider: 403, member: 403, moderator: 201 },
  },
  {
    name: 'GET /groups/:groupId/audit-log',
    call: (t, w, _p, a) => t.http().get(`${g(w)}/audit-log`).set(a),
    private: row(401, 404, 404, 404, 403, 200, 200, 403),
    public: { anonymous: 401, outsider: 403, member: 403, moderator: 200, banned: 403 },
  },
  {
    name: 'GET /groups/:groupId/reports',
    call: (t, w, _p, a) => t.http().get(`${g(w)}/reports`).set(a),
    private: row(401, 404, 404, 404, 403, 200, 200, 403),
    public: { outsider: 403, member: 403, moderator: 200, banned: 403 },
  },
  {
    name: 'POST /reports (a user of the group)',
    call: (t, w, p, a) =>
      t.http().post('/api/reports').set(a).send({ targetType: 'user', targetId: p.targetMember.id, groupId: w.group.id, reason: 'rude' }),
    private: row(401, 404, 404, 404, 201, 201, 201, 403),
    public: { outsider: 403, pending: 403, member: 201, banned: 403 },
  },
  {
    name: 'POST /reports/:reportId/resolve',
    call: (t, w, _p, a) => t.http().post(`/api/reports/${w.reportId}/resolve`).set(a).send({ action: 'dismiss', note: 'fine' }),
    private: row(401, 404, 404, 404, 403, 200, 200, 403),
    public: { outsider: 403, member: 403, moderator: 200, banned: 403 },
  },
];

describe('access table: every group and moderation route × every role', () => {
  let t: TestApp;
  let p: People;
  beforeAll(async () => {
    t = await startApp();
    const names = ['owner', 'moderator', 'member', 'invitee', 'pending', 'banned', 'outsider', 'targetApplicant', 'targetMember', 'targetBanned', 'stranger'];
    const users = await Promise.all(names.map(() => newUser(t)));
    p = Object.fromEntries(names.map((n, i) => [n, users[i]])) as unknown as People;
  });
  afterAll(() => t.close());

  /**
   * A group with rules (version 1) and approval policy, holding each role of People. Applicants
   * apply while it is public; a private world then turns private (how a private group comes to
   * have applicants: invitations admit at once, and outsiders cannot find it).
   */
  async function world(visibility: 'public' | 'private', secret = `Secret circle ${Date.now().toString(36)}`): Promise<World> {
    const group = await newGroup(t, p.owner, { name: secret, description: `${secret}: what we discuss`, rules: 'Be kind.', joinPolicy: 'approval' });
    await Promise.all([joinGroup(t, p.pending, group), joinGroup(t, p.targetApplicant, group)]);
    await Promise.all([p.moderator, p.member, p.targetMember].map((u) => inviteUser(t, p.owner, group, u).then(() => joinGroup(t, u, group))));
    await setRole(t, p.owner, group, p.moderator, 'moderator');
    await Promise.all([banUser(t, p.owner, group, p.banned, 'trolling'), banUser(t, p.owner, group, p.targetBanned), inviteUser(t, p.owner, group, p.invitee)]);
    const report = await t
      .http()
      .post('/api/reports')
      .set(p.targetMember.auth)
      .send({ targetType: 'user', targetId: p.member.id, groupId: group.id, reason: 'was rude' })
      .expect(201);
    if (visibility === 'private') await t.http().patch(`/api/groups/${group.id}`).set(p.owner.auth).send({ visibility: 'private' }).expect(200);
    return { group: { ...group, visibility }, reportId: report.body.id };
  }

  const authOf = (role: Role): Auth => (role === 'anonymous' ? {} : p[role].auth);

  /** Runs each cell; successes in a fresh world, failures in the shared one. Returns mismatches. */
  async function walk(visibility: 'public' | 'private', cells: [Route, Role, number][]): Promise<string[]> {
    const shared = await world(visibility);
    const problems: string[] = [];
    for (const [route, role, expected] of cells) {
      const w = expected < 300 ? await world(visibility) : shared;
      const res = await route.call(t, w, p, authOf(role));
      if (res.status !== expected) problems.push(`${visibility} ${route.name} as ${role}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
    }
    return problems;
  }

  it('private group: every cell answers exactly as the table says', async () => {
    const cells = ROUTES.flatMap((r) => ROLES.map((role) => [r, role, r.private[role]] as [Route, Role, number]));
    expect(cells).toHaveLength(ROUTES.length * ROLES.length);
    expect(await walk('private', cells)).toEqual([]);
  }, 180_000);

  it('public group: the important cells answer as the table says', async () => {
    const cells = ROUTES.flatMap((r) => Object.entries(r.public).map(([role, code]) => [r, role as Role, code] as [Route, Role, number]));
    expect(await walk('public', cells)).toEqual([]);
  }, 120_000);

  it('a private group\'s name, description, members and audit log never reach an outsider', async () => {
    const secret = `Hush ${Date.now().toString(36)}`;
    const w = await world('private', secret);
    const leaks = [secret, p.owner.handle, p.moderator.handle, p.member.handle, 'trolling', 'was rude'];
    const seen: string[] = [];
    for (const role of ['anonymous', 'outsider'] as const) {
      for (const route of ROUTES) seen.push(JSON.stringify((await route.call(t, w, p, authOf(role))).body));
      for (const q of ['', `?q=${encodeURIComponent(secret)}`, '?q=hush', '?mine=true']) {
        const list = await t.http().get(`/api/groups${q}`).set(authOf(role)).expect(200);
        expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(w.group.id);
        seen.push(JSON.stringify(list.body));
      }
      seen.push(JSON.stringify((await t.http().get(`/api/groups/${w.group.slug}`).set(authOf(role)).expect(404)).body));
    }
    for (const body of seen) for (const leak of leaks) expect(body).not.toContain(leak);

    // Invitees and applicants see the name, description and rules, not the members or their count.
    for (const role of ['invitee', 'pending'] as const) {
      const res = await t.http().get(`/api/groups/${w.group.id}`).set(authOf(role)).expect(200);
      expect(res.body).toMatchObject({ name: secret, description: `${secret}: what we discuss`, memberCount: null, rulesVersion: 1 });
      const mine = await t.http().get('/api/groups?mine=true').set(authOf(role)).expect(200);
      expect(mine.body.items.find((x: { id: string }) => x.id === w.group.id)).toMatchObject({ name: secret, memberCount: null });
    }
  }, 60_000);
});
