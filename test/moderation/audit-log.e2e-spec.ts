import { newUser, TestUser } from '../helpers/factories';
import { addMember, banUser, joinGroup, newGroup, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';

describe('audit log', () => {
  let t: TestApp;
  let owner: TestUser;
  let mod: TestUser;
  let g: TestGroup;
  beforeAll(async () => {
    t = await startApp();
    [owner, mod] = await Promise.all([newUser(t), newUser(t)]);
    g = await newGroup(t, owner, { joinPolicy: 'approval', rules: 'v1' });
    await addMember(t, owner, g, mod, 'moderator');
  });
  afterAll(() => t.close());

  const log = (as: TestUser, q = '') => t.http().get(`/api/groups/${g.id}/audit-log${q}`).set(as.auth);

  it('records every moderator and owner action with actor, target, reason and time, newest first', async () => {
    const [a, b, c, d] = await Promise.all([newUser(t), newUser(t), newUser(t), newUser(t)]);
    await Promise.all([joinGroup(t, a, g), joinGroup(t, b, g)]);
    const since = (await log(owner).expect(200)).body.items.length;

    await t.http().post(`/api/groups/${g.id}/members/${a.id}/approve`).set(mod.auth).expect(200);
    await t.http().post(`/api/groups/${g.id}/members/${b.id}/reject`).set(mod.auth).send({ reason: 'empty profile' }).expect(200);
    await t.http().post(`/api/groups/${g.id}/invites`).set(mod.auth).send({ userId: c.id }).expect(201);
    await t.http().patch(`/api/groups/${g.id}/members/${a.id}`).set(owner.auth).send({ role: 'moderator' }).expect(200);
    await t.http().patch(`/api/groups/${g.id}/members/${a.id}`).set(owner.auth).send({ role: 'moderator' }).expect(200);
    await banUser(t, mod, g, d, 'ban evasion');
    await t.http().delete(`/api/groups/${g.id}/members/${d.id}/ban`).set(mod.auth).expect(204);
    await t.http().patch(`/api/groups/${g.id}`).set(owner.auth).send({ rules: 'v2', description: 'new words' }).expect(200);
    const report = await t.http().post('/api/reports').set(mod.auth).send({ targetType: 'user', targetId: a.id, groupId: g.id, reason: 'test' }).expect(201);
    await t.http().post(`/api/reports/${report.body.id}/resolve`).set(owner.auth).send({ action: 'dismiss', note: 'fine' }).expect(200);

    const res = await log(mod).expect(200);
    const entries = res.body.items.slice(0, res.body.items.length - since);
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'report.dismiss',
      'group.rules',
      'group.update',
      'member.unban',
      'member.ban',
      'member.role',
      'member.invite',
      'member.reject',
      'member.approve',
    ]);
    const by = Object.fromEntries(entries.map((e: { action: string }) => [e.action, e]));
    expect(by['member.approve']).toMatchObject({ actor: { id: mod.id, handle: mod.handle }, targetType: 'user', targetId: a.id, targetUser: { id: a.id } });
    expect(by['member.reject'].reason).toBe('empty profile');
    expect(by['member.role'].data).toEqual({ from: 'member', to: 'moderator' });
    expect(by['member.ban']).toMatchObject({ reason: 'ban evasion', targetUser: { id: d.id } });
    expect(by['group.rules'].data).toEqual({ version: 2 });
    expect(by['report.dismiss']).toMatchObject({ targetType: 'report', targetId: report.body.id, targetUser: null, reason: 'fine' });
    for (const e of entries) expect(new Date(e.createdAt).toISOString()).toBe(e.createdAt);
    const times = entries.map((e: { createdAt: string }) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('pages newest first without repeats', async () => {
    const all = (await log(owner, '?limit=100').expect(200)).body.items.map((e: { id: string }) => e.id);
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await log(owner, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      seen.push(...res.body.items.map((e: { id: string }) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(JSON.stringify((await log(owner, '?cursor=%%%').expect(400)).body.message)).toContain('cursor');
  });

  it('is for moderators and owners only', async () => {
    const [member, outsider] = await Promise.all([newUser(t), newUser(t)]);
    await addMember(t, owner, g, member);
    await log(member).expect(403);
    await log(outsider).expect(403);
    await t.http().get(`/api/groups/${g.id}/audit-log`).expect(401);
    await log(owner).expect(200);
  });
});
