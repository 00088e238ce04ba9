import { newUser, TestUser } from '../helpers/factories';
import { addMember, joinGroup, newGroup, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';

/**
 * Moderators acting at the same moment on the same people. On SQLite units of work run one
 * at a time; on PostgreSQL they run at once and the group row lock orders them. Either way
 * every answer is a 2xx or a 409, never a 500, and the state and the audit log agree.
 */
describe('concurrency: simultaneous moderator actions', () => {
  let t: TestApp;
  let owner: TestUser;
  let modA: TestUser;
  let modB: TestUser;
  beforeAll(async () => {
    t = await startApp();
    [owner, modA, modB] = await Promise.all([newUser(t), newUser(t), newUser(t)]);
  });
  afterAll(() => t.close());

  async function all<T>(g: TestGroup, path: string, as: TestUser): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: T[]; nextCursor: string | null } } = await t.http().get(`/api/groups/${g.id}/${path}`).set(as.auth).query({ limit: 100, ...(cursor ? { cursor } : {}) }).expect(200);
      out.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return out;
  }

  async function groupWithModerators(policy: 'open' | 'approval'): Promise<TestGroup> {
    const g = await newGroup(t, owner, { joinPolicy: policy });
    await addMember(t, owner, g, modA, 'moderator');
    await addMember(t, owner, g, modB, 'moderator');
    return g;
  }

  /** memberCount must equal the active members one can list. */
  async function expectCountExact(g: TestGroup, expected: number): Promise<void> {
    const active = await all<unknown>(g, 'members', owner);
    const count = (await t.http().get(`/api/groups/${g.id}`).set(owner.auth).expect(200)).body.memberCount;
    expect({ count, listed: active.length }).toEqual({ count: expected, listed: expected });
  }

  it('approve and ban of the same applicant at once: banned, counted right, one audit entry per success', async () => {
    const g = await groupWithModerators('approval');
    const applicants = await Promise.all(Array.from({ length: 8 }, () => newUser(t)));
    await Promise.all(applicants.map((a) => joinGroup(t, a, g)));

    const results = await Promise.all(
      applicants.map((a) =>
        Promise.all([
          t.http().post(`/api/groups/${g.id}/members/${a.id}/approve`).set(modA.auth),
          t.http().post(`/api/groups/${g.id}/members/${a.id}/ban`).set(modB.auth).send({ reason: 'spam account' }),
        ]),
      ),
    );

    const log = await all<{ action: string; targetId: string; actor: { id: string } }>(g, 'audit-log', owner);
    const banned = new Set((await all<{ user: { id: string } }>(g, 'members?status=banned', owner)).map((m) => m.user.id));
    results.forEach(([approve, ban], i) => {
      const a = applicants[i];
      expect([200, 409]).toContain(approve.status);
      expect(ban.status).toBe(200);
      expect(banned.has(a.id)).toBe(true);
      // Newest first: when both succeeded the approval came first and the ban after it.
      const entries = log.filter((e) => e.targetId === a.id).map((e) => `${e.action} by ${e.actor.id === modA.id ? 'A' : 'B'}`);
      if (approve.status === 200) {
        expect(entries).toEqual(['member.ban by B', 'member.approve by A']);
      } else {
        expect(approve.body.message).toMatch(/no pending request.*banned/);
        expect(entries).toEqual(['member.ban by B']);
      }
    });
    await expectCountExact(g, 3);
  });

  it('two moderators approving the same applicant at once: one 200, one 409, counted once, audited once', async () => {
    const g = await groupWithModerators('approval');
    const applicants = await Promise.all(Array.from({ length: 6 }, () => newUser(t)));
    await Promise.all(applicants.map((a) => joinGroup(t, a, g)));
    const results = await Promise.all(
      applicants.map((a) =>
        Promise.all([modA, modB].map((m) => t.http().post(`/api/groups/${g.id}/members/${a.id}/approve`).set(m.auth))),
      ),
    );
    for (const pair of results) expect(pair.map((r) => r.status).sort()).toEqual([200, 409]);
    const log = await all<{ action: string }>(g, 'audit-log', owner);
    expect(log.filter((e) => e.action === 'member.approve')).toHaveLength(applicants.length);
    await expectCountExact(g, 3 + applicants.length);
  });

  it('two moderators banning the same member at once: one 200, one 409; the member is uncounted once', async () => {
    const g = await groupWithModerators('open');
    const members = await Promise.all(Array.from({ length: 6 }, () => newUser(t)));
    await Promise.all(members.map((m) => joinGroup(t, m, g)));
    const results = await Promise.all(
      members.map((u) =>
        Promise.all([modA, modB].map((m) => t.http().post(`/api/groups/${g.id}/members/${u.id}/ban`).set(m.auth).send({ reason: 'flood' }))),
      ),
    );
    for (const pair of results) expect(pair.map((r) => r.status).sort()).toEqual([200, 409]);
    const log = await all<{ action: string }>(g, 'audit-log', owner);
    expect(log.filter((e) => e.action === 'member.ban')).toHaveLength(members.length);
    await expectCountExact(g, 3);
  });

  it('many joins and leaves at once keep memberCount exact', async () => {
    const g = await groupWithModerators('open');
    const users = await Promise.all(Array.from({ length: 16 }, () => newUser(t)));
    const joins = await Promise.all(users.map((u) => t.http().post(`/api/groups/${g.id}/join`).set(u.auth).send({})));
    expect(joins.map((r) => r.status)).toEqual(users.map(() => 201));
    const leaves = await Promise.all(users.slice(0, 7).map((u) => t.http().post(`/api/groups/${g.id}/leave`).set(u.auth)));
    expect(leaves.map((r) => r.status)).toEqual(users.slice(0, 7).map(() => 204));
    await expectCountExact(g, 3 + 9);
  });

  it('two owners leaving at once: one leaves, the other stays as the last owner', async () => {
    const g = await groupWithModerators('open');
    const second = await newUser(t);
    await addMember(t, owner, g, second, 'owner');
    const [a, b] = await Promise.all([owner, second].map((u) => t.http().post(`/api/groups/${g.id}/leave`).set(u.auth)));
    expect([a.status, b.status].sort()).toEqual([204, 409]);
    const stayed = a.status === 409 ? owner : second;
    const owners = await all<{ user: { id: string } }>(g, 'members?role=owner', stayed);
    expect(owners.map((o) => o.user.id)).toEqual([stayed.id]);
  });
});
