import { ConflictException } from '@nestjs/common';
import { newId } from '../../src/common/ids';
import type { Tx } from '../../src/database/unit-of-work';
import { DomainEventBus } from '../../src/domain-events/domain-event-bus';
import { AuditService } from '../../src/modules/moderation/audit.service';
import { ReportTargetRegistry } from '../../src/modules/moderation/report-targets';
import { newUser, TestUser } from '../helpers/factories';
import { addMember, joinGroup, newGroup, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';

/**
 * Threads are another feature; here a small stand-in registers itself for 'thread' the way
 * that feature does, so the report queue can be tested on its own. Its remove() writes an
 * audit entry through the moderator's transaction, or fails on purpose for `failing` ids.
 */
class StandInThreads {
  readonly threads = new Map<string, { groupId: string; authorId: string }>();
  readonly failing = new Set<string>();
  readonly removed: { id: string; actorId: string; reason: string | null }[] = [];
  constructor(private readonly audit: AuditService) {}

  add(groupId: string, authorId: string): string {
    const id = newId();
    this.threads.set(id, { groupId, authorId });
    return id;
  }

  async locate(id: string) {
    return this.threads.get(id) ?? null;
  }

  async remove(tx: Tx, id: string, actorId: string, reason: string | null) {
    const thread = this.threads.get(id)!;
    await this.audit.record(tx.manager, { groupId: thread.groupId, actorId, action: 'thread.remove', targetType: 'thread', targetId: id, reason });
    if (this.failing.has(id)) throw new ConflictException('this thread cannot be removed right now');
    this.removed.push({ id, actorId, reason });
  }
}

describe('reports and their review', () => {
  let t: TestApp;
  let owner: TestUser;
  let mod: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let g: TestGroup;
  let threads: StandInThreads;
  const events: string[] = [];

  beforeAll(async () => {
    t = await startApp();
    threads = new StandInThreads(t.app.get(AuditService));
    t.app.get(ReportTargetRegistry).register('thread', threads);
    const bus = t.app.get(DomainEventBus);
    bus.on('report.created', (e) => void events.push(`created ${e.reportId}`));
    bus.on('report.resolved', (e) => void events.push(`resolved ${e.reportId} ${e.action}`));
    [owner, mod, alice, bob, carol] = await Promise.all([newUser(t), newUser(t), newUser(t), newUser(t), newUser(t)]);
    g = await newGroup(t, owner, { rules: 'Be kind.' });
    await addMember(t, owner, g, mod, 'moderator');
    await Promise.all([alice, bob, carol].map((u) => joinGroup(t, u, g)));
  });
  afterAll(() => t.close());

  const reportUser = (by: TestUser, target: TestUser, group: { id: string } = g, reason = 'insulted me') =>
    t.http().post('/api/reports').set(by.auth).send({ targetType: 'user', targetId: target.id, groupId: group.id, reason });
  const resolve = (as: TestUser, id: string, action: 'dismiss' | 'remove', note?: string) =>
    t.http().post(`/api/reports/${id}/resolve`).set(as.auth).send({ action, ...(note ? { note } : {}) });
  const auditFor = async (targetId: string) =>
    (await t.http().get(`/api/groups/${g.id}/audit-log?limit=100`).set(owner.auth).expect(200)).body.items.filter(
      (e: { targetId: string; data: { targetId?: string } | null }) => e.targetId === targetId || e.data?.targetId === targetId,
    );

  it('lets a member report a user once while the report is open (409 on a second)', async () => {
    const res = await reportUser(alice, bob).expect(201);
    expect(res.body).toMatchObject({
      groupId: g.id,
      targetType: 'user',
      targetId: bob.id,
      reason: 'insulted me',
      status: 'open',
      reporter: { id: alice.id, handle: alice.handle },
      resolution: null,
    });
    const again = await reportUser(alice, bob, g, 'still rude').expect(409);
    expect(again.body.message).toMatch(/already/);
    await reportUser(carol, bob).expect(201);
    await t.settle();
    expect(events).toContain(`created ${res.body.id}`);

    // Once resolved, the same reporter may report the same user again.
    await resolve(mod, res.body.id, 'dismiss').expect(200);
    await reportUser(alice, bob, g, 'rude again').expect(201);
  });

  it('accepts the group by slug, and reports per group (the same user may be reported in two groups)', async () => {
    const other = await newGroup(t, owner);
    await Promise.all([joinGroup(t, carol, other), joinGroup(t, alice, other)]);
    await reportUser(carol, alice, { id: other.slug }).expect(201);
    await reportUser(carol, alice).expect(201);
  });

  it('refuses bad reports with a 400 naming the field', async () => {
    const bad = async (body: object, field: string) => {
      const res = await t.http().post('/api/reports').set(alice.auth).send(body).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
    };
    const base = { targetType: 'user', targetId: carol.id, groupId: g.id, reason: 'spam' };
    await bad({ ...base, targetType: 'post' }, 'targetType');
    await bad({ ...base, targetId: 'nope' }, 'targetId');
    await bad({ ...base, groupId: undefined }, 'groupId');
    await bad({ ...base, groupId: 'not a slug!' }, 'groupId');
    await bad({ ...base, reason: '  ' }, 'reason');
    await bad({ ...base, reason: 'x'.repeat(1001) }, 'reason');
    await bad({ ...base, severity: 'high' }, 'severity');
    await bad({ ...base, targetId: alice.id }, 'targetId');
    await t.http().post('/api/reports').send(base).expect(401);
  });

  it('lets only members report (403 for outsiders of a public group, 404 for a private one) and only people of the group', async () => {
    const outsider = await newUser(t);
    await reportUser(outsider, bob).expect(403);
    await reportUser(alice, outsider).expect(404);
    const priv = await newGroup(t, owner, { visibility: 'private' });
    const res = await reportUser(outsider, owner, priv).expect(404);
    expect(JSON.stringify(res.body)).not.toContain(priv.name);
  });

  it('reports content through the feature that owns it, located in its group', async () => {
    const thread = threads.add(g.id, bob.id);
    const res = await t.http().post('/api/reports').set(alice.auth).send({ targetType: 'thread', targetId: thread, reason: 'off topic' }).expect(201);
    expect(res.body).toMatchObject({ groupId: g.id, targetType: 'thread', targetId: thread });
    await t.http().post('/api/reports').set(bob.auth).send({ targetType: 'thread', targetId: thread, reason: 'mine' }).expect(400);
    const other = await newGroup(t, owner);
    await t.http().post('/api/reports').set(carol.auth).send({ targetType: 'thread', targetId: thread, groupId: other.id, reason: 'x' }).expect(400);
    expect((await t.http().post('/api/reports').set(carol.auth).send({ targetType: 'thread', targetId: newId(), reason: 'x' }).expect(404)).body.message).toBe(
      'thread not found',
    );
    // No feature registered replies in this test app: nothing to report.
    await t.http().post('/api/reports').set(carol.auth).send({ targetType: 'reply', targetId: newId(), reason: 'x' }).expect(404);

    const priv = await newGroup(t, owner, { visibility: 'private' });
    const hidden = threads.add(priv.id, owner.id);
    const outsider = await newUser(t);
    const res404 = await t.http().post('/api/reports').set(outsider.auth).send({ targetType: 'thread', targetId: hidden, reason: 'x' }).expect(404);
    expect(res404.body.message).toBe('thread not found');
  });

  it('lists reports to moderators only, newest first, filtered by status and paged', async () => {
    const fresh = await newGroup(t, owner);
    const users = await Promise.all(Array.from({ length: 3 }, () => newUser(t)));
    await Promise.all([mod, ...users].map((u) => joinGroup(t, u, fresh)));
    const ids: string[] = [];
    for (const u of users) ids.push((await reportUser(u, mod, fresh, `report by ${u.handle}`).expect(201)).body.id);
    await resolve(owner, ids[0], 'dismiss', 'not a problem').expect(200);

    const list = (q: string, as: TestUser = owner) => t.http().get(`/api/groups/${fresh.id}/reports${q}`).set(as.auth);
    expect((await list('').expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    expect((await list('?status=open').expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    const resolved = (await list('?status=resolved').expect(200)).body.items;
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({ status: 'resolved', resolution: { action: 'dismiss', note: 'not a problem', resolvedBy: { id: owner.id } } });

    const first = await list('?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await list(`?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });

    await list('', users[0]).expect(403);
    expect(JSON.stringify((await list('?status=closed').expect(400)).body.message)).toContain('status');
  });

  it('dismiss resolves the report, audit-logged in the same step; a second resolution is a 409', async () => {
    const rep = (await reportUser(bob, carol, g, 'shouting').expect(201)).body.id;
    const res = await resolve(mod, rep, 'dismiss', 'heated but fine').expect(200);
    expect(res.body).toMatchObject({ status: 'resolved', resolution: { action: 'dismiss', note: 'heated but fine', resolvedBy: { id: mod.id } } });
    await resolve(owner, rep, 'remove').expect(409);
    const entries = await auditFor(rep);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'report.dismiss', actor: { id: mod.id }, targetType: 'report', reason: 'heated but fine', data: { targetType: 'user', targetId: carol.id } });
    await t.settle();
    expect(events).toContain(`resolved ${rep} dismiss`);
    await resolve(mod, newId(), 'dismiss').expect(404);
    await resolve(mod, 'bad', 'dismiss').expect(400);
    expect(JSON.stringify((await resolve(mod, rep, 'delete' as 'remove').expect(400)).body.message)).toContain('action');
  });

  it('remove on a user bans them from the group and closes every open report about them', async () => {
    const villain = await newUser(t);
    await joinGroup(t, villain, g);
    const r1 = (await reportUser(alice, villain, g, 'spam links').expect(201)).body.id;
    const r2 = (await reportUser(carol, villain, g, 'more spam').expect(201)).body.id;
    await resolve(bob, r1, 'remove').expect(403);
    const res = await resolve(mod, r1, 'remove', 'spammer').expect(200);
    expect(res.body.resolution).toMatchObject({ action: 'remove', note: 'spammer' });

    const denied = await t.http().get(`/api/groups/${g.id}`).set(villain.auth).expect(403);
    expect(denied.body.message).toContain('spammer');
    const open = (await t.http().get(`/api/groups/${g.id}/reports?status=open`).set(mod.auth).expect(200)).body.items.map((r: { id: string }) => r.id);
    expect(open).not.toContain(r2);
    expect((await t.http().get(`/api/groups/${g.id}/reports?status=resolved`).set(mod.auth)).body.items.find((r: { id: string }) => r.id === r2)).toMatchObject({
      resolution: { action: 'remove' },
    });
    const entries = await auditFor(villain.id);
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['report.remove', 'member.ban']);
    expect(entries[0].data).toMatchObject({ alsoResolved: [r2] });
  });

  it('remove on a moderator is refused to moderators (403) and the report stays open; owners may', async () => {
    const other = await newUser(t);
    await addMember(t, owner, g, other, 'moderator');
    const rep = (await reportUser(alice, other, g, 'power trip').expect(201)).body.id;
    await resolve(mod, rep, 'remove').expect(403);
    const open = (await t.http().get(`/api/groups/${g.id}/reports?status=open`).set(mod.auth)).body.items.map((r: { id: string }) => r.id);
    expect(open).toContain(rep);
    await resolve(owner, rep, 'remove', 'abused the role').expect(200);
    expect((await t.http().get(`/api/groups/${g.id}/members?status=banned`).set(owner.auth)).body.items.map((m: { user: { id: string } }) => m.user.id)).toContain(other.id);
  });

  it('remove on content calls its feature inside the same transaction: a failure there leaves nothing behind', async () => {
    const ok = threads.add(g.id, bob.id);
    const rep = (await t.http().post('/api/reports').set(alice.auth).send({ targetType: 'thread', targetId: ok, reason: 'spam' }).expect(201)).body.id;
    await resolve(mod, rep, 'remove', 'advertising').expect(200);
    expect(threads.removed).toContainEqual({ id: ok, actorId: mod.id, reason: 'advertising' });
    expect((await auditFor(ok)).map((e: { action: string }) => e.action)).toEqual(['report.remove', 'thread.remove']);

    const stuck = threads.add(g.id, bob.id);
    threads.failing.add(stuck);
    const rep2 = (await t.http().post('/api/reports').set(alice.auth).send({ targetType: 'thread', targetId: stuck, reason: 'spam' }).expect(201)).body.id;
    await resolve(mod, rep2, 'remove').expect(409);
    expect(await auditFor(stuck)).toEqual([]);
    const open = (await t.http().get(`/api/groups/${g.id}/reports?status=open`).set(mod.auth)).body.items.map((r: { id: string }) => r.id);
    expect(open).toContain(rep2);
  });

  it('two moderators resolving one report at once: one 200, one 409, one audit entry', async () => {
    const target = await newUser(t);
    await joinGroup(t, target, g);
    const reps: string[] = [];
    for (const u of [alice, carol]) reps.push((await reportUser(u, target, g, 'concurrent').expect(201)).body.id);
    for (const rep of reps) {
      const answers = await Promise.all([resolve(mod, rep, 'dismiss'), resolve(owner, rep, 'dismiss')]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(await auditFor(rep)).toHaveLength(1);
    }
  });

  it('the same report sent twice at once is stored once (201 and 409)', async () => {
    const target = await newUser(t);
    await joinGroup(t, target, g);
    const answers = await Promise.all([reportUser(bob, target, g, 'twice'), reportUser(bob, target, g, 'twice')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const open = (await t.http().get(`/api/groups/${g.id}/reports?status=open&limit=100`).set(mod.auth)).body.items;
    expect(open.filter((r: { targetId: string }) => r.targetId === target.id)).toHaveLength(1);
  });
});
