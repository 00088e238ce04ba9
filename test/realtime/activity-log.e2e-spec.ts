import { DataSource } from 'typeorm';
import { newId } from '../../src/common/ids';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { domainEvent } from '../../src/domain-events/domain-events';
import { ActivityLogService } from '../../src/realtime/activity-log.service';
import { ActivityEvent } from '../../src/realtime/entities/activity-event.entity';
import { newUser, TestUser } from '../helpers/factories';
import { connectSocket, TestSocket } from '../helpers/sockets';
import { startApp, TestApp } from '../helpers/test-app';

/**
 * The activity log underneath every push: ids increase in commit order, nothing is sent for a
 * rolled-back change, and a reconnecting client gets what it missed in order, exactly once.
 * These tests raise `membership.changed` (addressed to one user) straight through the unit of
 * work, so they need no group; the group and thread rules are tested in delivery.e2e-spec.ts.
 */
describe('activity log: ordering, resume and retention', () => {
  let t: TestApp;
  let uow: UnitOfWork;
  beforeAll(async () => {
    t = await startApp();
    uow = t.app.get(UnitOfWork);
  });
  afterAll(() => t.close());

  /** Commits one membership change addressed to `user`; `tag` travels as its role. */
  const change = (user: TestUser, tag: string) =>
    uow.run(async (tx) => {
      tx.emit(domainEvent('membership.changed', null, { groupId: newId(), userId: user.id, status: 'left', role: tag }));
    });
  const tags = (s: TestSocket) => s.events('membership.changed').map((p) => p.role);
  const ids = (s: TestSocket) => s.events('membership.changed').map((p) => p.eventId as number);

  it('delivers concurrent commits with increasing event ids, each once', async () => {
    const u = await newUser(t);
    const s = await connectSocket(t, u.token);
    const all = Array.from({ length: 30 }, (_, i) => `c${i}`);
    await Promise.all(all.map((tag) => change(u, tag)));
    await s.waitFor('membership.changed', () => s.events('membership.changed').length === 30);
    const got = ids(s);
    expect([...got].sort((a, b) => a - b)).toEqual(got);
    expect(new Set(got).size).toBe(30);
    expect([...tags(s)].sort()).toEqual([...all].sort());
    s.close();
  });

  it('sends nothing for a change that rolled back', async () => {
    const u = await newUser(t);
    const s = await connectSocket(t, u.token);
    await expect(
      uow.run(async (tx) => {
        tx.emit(domainEvent('membership.changed', null, { groupId: newId(), userId: u.id, status: 'left', role: 'rolled-back' }));
        throw new Error('fails on purpose');
      }),
    ).rejects.toThrow('fails on purpose');
    await change(u, 'sentinel');
    await s.waitFor('membership.changed', (p) => p.role === 'sentinel');
    expect(tags(s)).toEqual(['sentinel']);
    s.close();
  });

  it('replays nothing on a first connection without lastEventId', async () => {
    const u = await newUser(t);
    const first = await connectSocket(t, u.token);
    await change(u, 'before');
    await first.waitFor('membership.changed', (p) => p.role === 'before');
    const fresh = await connectSocket(t, u.token);
    await change(u, 'after');
    await fresh.waitFor('membership.changed', (p) => p.role === 'after');
    expect(tags(fresh)).toEqual(['after']);
    first.close();
    fresh.close();
  });

  it('resumes after a disconnect: missed events first, in order, exactly once, then live ones', async () => {
    const u = await newUser(t);
    const s1 = await connectSocket(t, u.token);
    await change(u, 'seen-1');
    await change(u, 'seen-2');
    const seen = await s1.waitFor('membership.changed', (p) => p.role === 'seen-2');
    s1.close();

    for (let i = 1; i <= 5; i++) await change(u, `missed-${i}`);
    const s2 = await connectSocket(t, u.token, { lastEventId: seen.eventId as number });
    await s2.waitFor('membership.changed', (p) => p.role === 'missed-5');
    await change(u, 'live');
    await s2.waitFor('membership.changed', (p) => p.role === 'live');
    expect(tags(s2)).toEqual(['missed-1', 'missed-2', 'missed-3', 'missed-4', 'missed-5', 'live']);
    s2.close();
  });

  it('loses and repeats nothing when events keep committing while a client resumes', async () => {
    const u = await newUser(t);
    const s1 = await connectSocket(t, u.token);
    await change(u, 'start');
    const start = await s1.waitFor('membership.changed', (p) => p.role === 'start');
    s1.close();

    const all = Array.from({ length: 40 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const writing = (async () => {
      for (const tag of all) await change(u, tag);
    })();
    // Reconnect while the writes are under way.
    await new Promise((r) => setImmediate(r));
    const s2 = await connectSocket(t, u.token, { lastEventId: start.eventId as number });
    await writing;
    await s2.waitFor('membership.changed', (p) => p.role === 'n39');
    expect(tags(s2)).toEqual(all);
    const got = ids(s2);
    expect([...got].sort((a, b) => a - b)).toEqual(got);
    s2.close();
  });

  it('resumes across two sockets of one user independently', async () => {
    const u = await newUser(t);
    const phone = await connectSocket(t, u.token);
    const laptop = await connectSocket(t, u.token);
    await change(u, 'both');
    const both = await phone.waitFor('membership.changed', (p) => p.role === 'both');
    await laptop.waitFor('membership.changed', (p) => p.role === 'both');
    phone.close();
    await change(u, 'while-phone-away');
    await laptop.waitFor('membership.changed', (p) => p.role === 'while-phone-away');
    const back = await connectSocket(t, u.token, { lastEventId: both.eventId as number });
    await back.waitFor('membership.changed', (p) => p.role === 'while-phone-away');
    expect(tags(back)).toEqual(['while-phone-away']);
    expect(tags(laptop)).toEqual(['both', 'while-phone-away']);
    laptop.close();
    back.close();
  });

  it('never sends another user the events addressed to someone', async () => {
    const a = await newUser(t);
    const b = await newUser(t);
    const sb = await connectSocket(t, b.token, { lastEventId: 0 });
    await change(a, 'for-a');
    await change(b, 'for-b');
    await sb.waitFor('membership.changed', (p) => p.role === 'for-b');
    expect(tags(sb)).toEqual(['for-b']);
    sb.close();
  });

  it('prunes events older than the retention; a resume then replays only what is kept', async () => {
    const u = await newUser(t);
    const s = await connectSocket(t, u.token);
    await change(u, 'old');
    await change(u, 'recent');
    const old = await s.waitFor('membership.changed', (p) => p.role === 'old');
    await s.waitFor('membership.changed', (p) => p.role === 'recent');
    s.close();

    // Age the first event past the retention (72 hours by default).
    const aged = new Date(Date.now() - 73 * 3600_000);
    await t.app.get(DataSource).getRepository(ActivityEvent).update({ id: old.eventId as number }, { createdAt: aged });
    expect(await t.app.get(ActivityLogService).prune()).toBeGreaterThanOrEqual(1);

    const back = await connectSocket(t, u.token, { lastEventId: 0 });
    await back.waitFor('membership.changed', (p) => p.role === 'recent');
    expect(tags(back)).toEqual(['recent']);
    back.close();
  });

  it('ignores a lastEventId beyond the end of the log and delivers what comes next', async () => {
    const u = await newUser(t);
    const s = await connectSocket(t, u.token, { lastEventId: 999_999_999 });
    await change(u, 'next');
    await s.waitFor('membership.changed', (p) => p.role === 'next');
    expect(tags(s)).toEqual(['next']);
    s.close();
  });
});
