import { DomainEventBus } from '../../src/domain-events/domain-event-bus';
import { DomainEvent, DomainEventType } from '../../src/domain-events/domain-events';
import { ThreadsService } from '../../src/modules/threads/threads.service';
import { newUser, TestUser } from '../helpers/factories';
import { addMember, newGroup, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';
import { newReply, newThread } from '../helpers/threads';

describe('threads: audit log, report removal, domain events and views for realtime', () => {
  let t: TestApp;
  let owner: TestUser;
  let mod: TestUser;
  let asker: TestUser;
  let helper: TestUser;
  let group: TestGroup;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    t = await startApp();
    [owner, mod, asker, helper] = await Promise.all(Array.from({ length: 4 }, () => newUser(t)));
    group = await newGroup(t, owner);
    await addMember(t, owner, group, mod, 'moderator');
    await addMember(t, owner, group, asker);
    await addMember(t, owner, group, helper);
    const bus = t.app.get(DomainEventBus);
    for (const type of [
      'thread.created',
      'thread.updated',
      'reply.created',
      'reply.updated',
    ] as DomainEventType[]) {
      bus.on(type, (e) => void events.push(e));
    }
  });
  afterAll(() => t.close());

  /** The group's audit log (GET /api/groups/:groupId/audit-log) about one target, oldest first. */
  async function auditOf(
    targetId: string,
  ): Promise<{ action: string; actorId: string; reason: string | null }[]> {
    const res = await t
      .http()
      .get(`/api/groups/${group.id}/audit-log?limit=100`)
      .set(owner.auth)
      .expect(200);
    return (
      res.body.items as {
        action: string;
        actor: { id: string };
        targetId: string;
        reason: string | null;
      }[]
    )
      .filter((e) => e.targetId === targetId)
      .reverse()
      .map((e) => ({ action: e.action, actorId: e.actor.id, reason: e.reason }));
  }

  async function eventsAfter(action: () => Promise<unknown>): Promise<DomainEvent[]> {
    await t.settle();
    events.length = 0;
    await action();
    await t.settle();
    return [...events];
  }

  it('audit-logs lock, unlock, pin, unpin, moderator accepts and removals, and nothing for authors\u2019 own actions', async () => {
    const q = await newThread(t, asker, group);
    const r1 = await newReply(t, helper, q);
    const r2 = await newReply(t, helper, q);
    await t.http().post(`/api/threads/${q.id}/lock`).set(mod.auth).expect(200);
    await t.http().post(`/api/threads/${q.id}/lock`).set(mod.auth).expect(200);
    await t.http().post(`/api/threads/${q.id}/unlock`).set(mod.auth).expect(200);
    await t.http().post(`/api/threads/${q.id}/pin`).set(owner.auth).expect(200);
    await t.http().post(`/api/threads/${q.id}/unpin`).set(owner.auth).expect(200);
    await t
      .http()
      .post(`/api/threads/${q.id}/accept`)
      .set(asker.auth)
      .send({ replyId: r1.id })
      .expect(200);
    await t
      .http()
      .post(`/api/threads/${q.id}/accept`)
      .set(mod.auth)
      .send({ replyId: r2.id })
      .expect(200);
    await t
      .http()
      .delete(`/api/replies/${r1.id}`)
      .set(mod.auth)
      .send({ reason: 'wrong and rude' })
      .expect(204);
    await t.http().delete(`/api/replies/${r2.id}`).set(helper.auth).expect(204);
    expect(await auditOf(q.id)).toEqual([
      { action: 'thread.lock', actorId: mod.id, reason: null },
      { action: 'thread.unlock', actorId: mod.id, reason: null },
      { action: 'thread.pin', actorId: owner.id, reason: null },
      { action: 'thread.unpin', actorId: owner.id, reason: null },
      { action: 'thread.accept', actorId: mod.id, reason: null },
    ]);
    expect(await auditOf(r1.id)).toEqual([
      { action: 'reply.remove', actorId: mod.id, reason: 'wrong and rude' },
    ]);
    expect(await auditOf(r2.id)).toEqual([]);
    await t
      .http()
      .delete(`/api/threads/${q.id}`)
      .set(mod.auth)
      .send({ reason: 'duplicate' })
      .expect(204);
    expect((await auditOf(q.id)).pop()).toEqual({
      action: 'thread.remove',
      actorId: mod.id,
      reason: 'duplicate',
    });
  });

  it('lets a moderator resolve a report about a thread or reply by removing it', async () => {
    const th = await newThread(t, asker, group);
    const r = await newReply(t, helper, th);
    const report = async (targetType: string, targetId: string) =>
      (
        await t
          .http()
          .post('/api/reports')
          .set(owner.auth)
          .send({ targetType, targetId, reason: 'spam' })
          .expect(201)
      ).body.id as string;
    const resolve = (id: string, note: string) =>
      t
        .http()
        .post(`/api/reports/${id}/resolve`)
        .set(mod.auth)
        .send({ action: 'remove', note })
        .expect(200);

    await resolve(await report('reply', r.id), 'spam link');
    const shown = await t.http().get(`/api/replies/${r.id}`).expect(200);
    expect(shown.body).toMatchObject({ deleted: true, deletedBy: 'moderator', body: '', html: '' });
    expect((await t.http().get(`/api/threads/${th.id}`).expect(200)).body.replyCount).toBe(0);
    expect(await auditOf(r.id)).toEqual([
      { action: 'reply.remove', actorId: mod.id, reason: 'spam link' },
    ]);
    // Removed content can no longer be reported.
    await t
      .http()
      .post('/api/reports')
      .set(owner.auth)
      .send({ targetType: 'reply', targetId: r.id, reason: 'again' })
      .expect(404);

    await resolve(await report('thread', th.id), 'off topic');
    await t.http().get(`/api/threads/${th.id}`).set(helper.auth).expect(410);
    expect(
      (await t.http().get(`/api/threads/${th.id}`).set(mod.auth).expect(200)).body,
    ).toMatchObject({ deleted: true, deletedBy: 'moderator' });
    expect(await auditOf(th.id)).toEqual([
      { action: 'thread.remove', actorId: mod.id, reason: 'off topic' },
    ]);
  });

  it('emits domain events after each change, with ids and the actor', async () => {
    let threadId = '';
    const created = await eventsAfter(
      async () => (threadId = (await newThread(t, asker, group, { kind: 'question' })).id),
    );
    expect(created).toEqual([
      expect.objectContaining({
        type: 'thread.created',
        actorId: asker.id,
        groupId: group.id,
        threadId,
        kind: 'question',
        authorId: asker.id,
      }),
    ]);
    let answerId = '';
    const answered = await eventsAfter(
      async () => (answerId = (await newReply(t, helper, { id: threadId })).id),
    );
    expect(answered).toEqual([
      expect.objectContaining({
        type: 'reply.created',
        actorId: helper.id,
        groupId: group.id,
        threadId,
        replyId: answerId,
        authorId: helper.id,
        parentReplyId: null,
      }),
    ]);
    const commented = await eventsAfter(() =>
      newReply(t, asker, { id: threadId }, { parentReplyId: answerId }),
    );
    expect(commented[0]).toMatchObject({ type: 'reply.created', parentReplyId: answerId });

    const changes: [() => Promise<unknown>, string][] = [
      [
        () =>
          t
            .http()
            .patch(`/api/threads/${threadId}`)
            .set(asker.auth)
            .send({ title: 'Edited title' })
            .expect(200),
        'edit',
      ],
      [() => t.http().post(`/api/threads/${threadId}/lock`).set(mod.auth).expect(200), 'lock'],
      [() => t.http().post(`/api/threads/${threadId}/unlock`).set(mod.auth).expect(200), 'unlock'],
      [() => t.http().post(`/api/threads/${threadId}/pin`).set(mod.auth).expect(200), 'pin'],
      [() => t.http().post(`/api/threads/${threadId}/unpin`).set(mod.auth).expect(200), 'unpin'],
      [
        () =>
          t
            .http()
            .post(`/api/threads/${threadId}/accept`)
            .set(asker.auth)
            .send({ replyId: answerId })
            .expect(200),
        'accept',
      ],
    ];
    for (const [action, change] of changes) {
      expect(await eventsAfter(action)).toEqual([
        expect.objectContaining({ type: 'thread.updated', groupId: group.id, threadId, change }),
      ]);
    }
    // Repeating a change that changes nothing stays quiet.
    expect(
      await eventsAfter(() =>
        t.http().post(`/api/threads/${threadId}/unpin`).set(mod.auth).expect(200),
      ),
    ).toEqual([]);

    const edited = await eventsAfter(() =>
      t
        .http()
        .patch(`/api/replies/${answerId}`)
        .set(helper.auth)
        .send({ body: 'better' })
        .expect(200),
    );
    expect(edited).toEqual([
      expect.objectContaining({
        type: 'reply.updated',
        actorId: helper.id,
        threadId,
        replyId: answerId,
        change: 'edit',
      }),
    ]);
    const removed = await eventsAfter(() =>
      t.http().delete(`/api/replies/${answerId}`).set(mod.auth).expect(204),
    );
    expect(removed).toEqual([
      expect.objectContaining({
        type: 'reply.updated',
        actorId: mod.id,
        replyId: answerId,
        change: 'remove',
      }),
      expect.objectContaining({ type: 'thread.updated', threadId, change: 'accept' }),
    ]);
    const deleted = await eventsAfter(() =>
      t.http().delete(`/api/threads/${threadId}`).set(asker.auth).expect(204),
    );
    expect(deleted).toEqual([
      expect.objectContaining({
        type: 'thread.updated',
        actorId: asker.id,
        threadId,
        change: 'delete',
      }),
    ]);
    // Refused requests emit nothing.
    expect(
      await eventsAfter(() =>
        t
          .http()
          .post(`/api/threads/${threadId}/replies`)
          .set(helper.auth)
          .send({ body: 'x' })
          .expect(410),
      ),
    ).toEqual([]);
  });

  it('maps a thread or reply id to exactly what the HTTP API shows that viewer (for realtime payloads)', async () => {
    const service = t.app.get(ThreadsService);
    const th = await newThread(t, asker, group, { tags: ['realtime'] });
    const r = await newReply(t, helper, th);
    await t
      .http()
      .put(`/api/threads/${th.id}/vote`)
      .set(helper.auth)
      .send({ value: 1 })
      .expect(200);
    await t.http().put(`/api/replies/${r.id}/vote`).set(asker.auth).send({ value: -1 }).expect(200);
    expect(await service.threadView(th.id, helper.id)).toEqual(
      (await t.http().get(`/api/threads/${th.id}`).set(helper.auth).expect(200)).body,
    );
    expect(await service.threadView(th.id, null)).toEqual(
      (await t.http().get(`/api/threads/${th.id}`).expect(200)).body,
    );
    expect(await service.replyView(r.id, asker.id)).toEqual(
      (await t.http().get(`/api/replies/${r.id}`).set(asker.auth).expect(200)).body,
    );
    expect(await service.threadView('01ARZ3NDEKTSV4RRFFQ69G5FAV', null)).toBeNull();
    await t
      .http()
      .delete(`/api/threads/${th.id}`)
      .set(mod.auth)
      .send({ reason: 'leaked secrets' })
      .expect(204);
    expect(await service.threadView(th.id, helper.id)).toMatchObject({
      id: th.id,
      deleted: true,
      deletedBy: 'moderator',
      body: '',
      html: '',
    });
    expect(await service.replyView('01ARZ3NDEKTSV4RRFFQ69G5FAV', null)).toBeNull();
  });
});
