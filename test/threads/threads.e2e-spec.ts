import { newUser, TestUser } from '../helpers/factories';
import { addMember, banUser, newGroup, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';
import { newThread } from '../helpers/threads';

describe('threads: start, read, edit with history, delete', () => {
  let t: TestApp;
  let owner: TestUser;
  let mod: TestUser;
  let member: TestUser;
  let other: TestUser;
  let outsider: TestUser;
  let banned: TestUser;
  let pub: TestGroup;
  let priv: TestGroup;

  beforeAll(async () => {
    t = await startApp();
    [owner, mod, member, other, outsider, banned] = await Promise.all(
      Array.from({ length: 6 }, () => newUser(t)),
    );
    pub = await newGroup(t, owner, { visibility: 'public' });
    priv = await newGroup(t, owner, { visibility: 'private', joinPolicy: 'invite' });
    for (const g of [pub, priv]) {
      await addMember(t, owner, g, mod, 'moderator');
      await addMember(t, owner, g, member);
      await addMember(t, owner, g, other);
      await addMember(t, owner, g, banned);
      await banUser(t, owner, g, banned, 'spamming links');
    }
  });
  afterAll(() => t.close());

  const post = (u: TestUser | null, groupId: string, body: object) => {
    const req = t.http().post(`/api/groups/${groupId}/threads`);
    return u ? req.set(u.auth).send(body) : req.send(body);
  };

  describe('starting a thread', () => {
    it('lets a member start a question, discussion or announcement (moderators) and answers 201 with the thread', async () => {
      const res = await post(member, pub.id, {
        kind: 'question',
        title: '  How do I tune PostgreSQL?  ',
        body: 'I have **slow** queries',
        tags: ['PostgreSQL', 'Performance Tuning', 'postgresql'],
      }).expect(201);
      expect(res.body).toMatchObject({
        groupId: pub.id,
        group: { id: pub.id, slug: pub.slug, name: pub.name },
        kind: 'question',
        title: 'How do I tune PostgreSQL?',
        body: 'I have **slow** queries',
        html: '<p>I have <strong>slow</strong> queries</p>',
        tags: ['postgresql', 'performance-tuning'],
        author: { id: member.id, handle: member.handle, displayName: member.displayName },
        score: 0,
        replyCount: 0,
        acceptedReplyId: null,
        locked: false,
        pinned: false,
        vote: 0,
        revisionCount: 1,
        editedAt: null,
        deleted: false,
        deletedBy: null,
      });
      expect(res.body.createdAt).toBe(res.body.lastActivityAt);
      expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
      await post(member, pub.id, {
        kind: 'discussion',
        title: 'Tabs or spaces?',
        body: 'Discuss.',
      }).expect(201);
      await post(mod, pub.id, {
        kind: 'announcement',
        title: 'Meetup on Friday',
        body: 'See you there',
      }).expect(201);
      await post(owner, pub.id, {
        kind: 'announcement',
        title: 'New rules soon',
        body: 'Stay tuned',
      }).expect(201);
    });

    it('accepts the group slug in place of its id', async () => {
      const res = await post(member, pub.slug, {
        kind: 'discussion',
        title: 'Posted by slug',
        body: 'x',
      }).expect(201);
      expect(res.body.groupId).toBe(pub.id);
    });

    it('keeps announcements to moderators and owners', async () => {
      const res = await post(member, pub.id, {
        kind: 'announcement',
        title: 'I announce things',
        body: 'x',
      }).expect(403);
      expect(res.body.message).toMatch(/moderators and owners/);
    });

    it('refuses bad input with a 400 naming the field', async () => {
      const cases: [object, RegExp][] = [
        [{ kind: 'poll', title: 'Valid title', body: 'x' }, /kind must be one of/],
        [{ kind: 'question', title: 'abcd', body: 'x' }, /title must be longer than or equal to 5/],
        [
          { kind: 'question', title: '    abcd    ', body: 'x' },
          /title must be longer than or equal to 5/,
        ],
        [
          { kind: 'question', title: 'x'.repeat(201), body: 'x' },
          /title must be shorter than or equal to 200/,
        ],
        [
          { kind: 'question', title: 'Valid title', body: 'x'.repeat(20_001) },
          /body must be shorter than or equal to 20000/,
        ],
        [{ kind: 'question', title: 'Valid title', body: '   \n ' }, /body must not be empty/],
        [{ kind: 'question', title: 'Valid title' }, /body must/],
        [
          {
            kind: 'question',
            title: 'Valid title',
            body: 'x',
            tags: ['a', 'b', 'c', 'd', 'e', 'f'],
          },
          /tags must contain no more than 5/,
        ],
        [
          { kind: 'question', title: 'Valid title', body: 'x', tags: ['c++'] },
          /tags must contain tags of 1-30/,
        ],
        [
          { kind: 'question', title: 'Valid title', body: 'x', tags: ['x'.repeat(31)] },
          /tags must contain tags of 1-30/,
        ],
        [
          { kind: 'question', title: 'Valid title', body: 'x', tags: 'sql' },
          /tags must be an array/,
        ],
        [
          { kind: 'question', title: 'Valid title', body: 'x', pinned: true },
          /property pinned is not allowed/,
        ],
        [{ kind: 'question', title: 12345, body: 'x' }, /title must be a string/],
      ];
      for (const [body, message] of cases) {
        const res = await post(member, pub.id, body).expect(400);
        expect(res.body.message.join(' | ')).toMatch(message);
      }
    });

    it('accepts a body of exactly 20,000 characters and five tags after de-duplication', async () => {
      const res = await post(member, pub.id, {
        kind: 'discussion',
        title: 'Long one',
        body: 'y'.repeat(20_000),
        tags: ['a', 'A', 'b', 'c', 'd', 'e', ' e '],
      }).expect(201);
      expect(res.body.tags).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('requires signing in (401), membership (403) and no ban (403 with the reason); outsiders of private groups get 404', async () => {
      const body = { kind: 'question', title: 'Who may post?', body: 'x' };
      await post(null, pub.id, body).expect(401);
      const notMember = await post(outsider, pub.id, body).expect(403);
      expect(notMember.body.message).toMatch(/join the group/);
      const ban = await post(banned, pub.id, body).expect(403);
      expect(ban.body.message).toMatch(/banned.*spamming links/);
      await post(outsider, priv.id, body).expect(404);
      await post(null, priv.id, body).expect(401);
      await post(member, 'no-such-group', body).expect(404);
      await post(member, priv.id, body).expect(201);
    });

    it('requires the current rules to be accepted before posting again', async () => {
      const ruled = await newGroup(t, owner, { rules: 'Be kind' });
      await addMember(t, owner, ruled, member);
      await post(member, ruled.id, {
        kind: 'question',
        title: 'Before the change',
        body: 'x',
      }).expect(201);
      const changed = await t
        .http()
        .patch(`/api/groups/${ruled.id}`)
        .set(owner.auth)
        .send({ rules: 'Be kind. No ads.' })
        .expect(200);
      const res = await post(member, ruled.id, {
        kind: 'question',
        title: 'After the change',
        body: 'x',
      }).expect(403);
      expect(res.body.message).toMatch(/rules/);
      await t
        .http()
        .post(`/api/groups/${ruled.id}/rules/accept`)
        .set(member.auth)
        .send({ version: changed.body.rulesVersion })
        .expect(200);
      await post(member, ruled.id, {
        kind: 'question',
        title: 'After accepting',
        body: 'x',
      }).expect(201);
    });
  });

  describe('reading a thread', () => {
    let pubThread: { id: string };
    let privThread: { id: string };
    beforeAll(async () => {
      pubThread = await newThread(t, member, pub);
      privThread = await newThread(t, member, priv);
    });

    it('lets anyone read public threads, and only active members private ones (404 otherwise)', async () => {
      await t.http().get(`/api/threads/${pubThread.id}`).expect(200);
      await t.http().get(`/api/threads/${pubThread.id}`).set(outsider.auth).expect(200);
      await t.http().get(`/api/threads/${privThread.id}`).set(member.auth).expect(200);
      const anon = await t.http().get(`/api/threads/${privThread.id}`).expect(404);
      expect(anon.body.message).toBe('thread not found');
      await t.http().get(`/api/threads/${privThread.id}`).set(outsider.auth).expect(404);
    });

    it('answers banned users 403 with the reason', async () => {
      const res = await t.http().get(`/api/threads/${pubThread.id}`).set(banned.auth).expect(403);
      expect(res.body.message).toMatch(/spamming links/);
      await t.http().get(`/api/threads/${privThread.id}`).set(banned.auth).expect(403);
    });

    it('answers 404 for unknown ids and 400 naming the param for malformed ones', async () => {
      await t.http().get('/api/threads/01ARZ3NDEKTSV4RRFFQ69G5FAV').expect(404);
      const res = await t.http().get('/api/threads/not-an-id').expect(400);
      expect(res.body.message).toEqual(['threadId must be a valid id']);
    });

    it('loses access to a private group\u2019s threads on leaving it', async () => {
      const leaver = await newUser(t);
      await addMember(t, owner, priv, leaver);
      await t.http().get(`/api/threads/${privThread.id}`).set(leaver.auth).expect(200);
      await t.http().post(`/api/groups/${priv.id}/leave`).set(leaver.auth).expect(204);
      await t.http().get(`/api/threads/${privThread.id}`).set(leaver.auth).expect(404);
    });
  });

  describe('editing', () => {
    it('lets the author edit title, body and tags, keeping every version with who and when', async () => {
      const th = await newThread(t, member, pub, {
        title: 'Original title',
        body: 'first body',
        tags: ['one'],
      });
      const e1 = await t
        .http()
        .patch(`/api/threads/${th.id}`)
        .set(member.auth)
        .send({ body: 'second *body*' })
        .expect(200);
      expect(e1.body).toMatchObject({
        title: 'Original title',
        body: 'second *body*',
        html: '<p>second <em>body</em></p>',
        tags: ['one'],
        revisionCount: 2,
      });
      expect(e1.body.editedAt).not.toBeNull();
      const e2 = await t
        .http()
        .patch(`/api/threads/${th.id}`)
        .set(member.auth)
        .send({ title: 'Better title', tags: ['Two', 'three'] })
        .expect(200);
      expect(e2.body).toMatchObject({
        title: 'Better title',
        body: 'second *body*',
        tags: ['two', 'three'],
        revisionCount: 3,
      });
      const e3 = await t
        .http()
        .patch(`/api/threads/${th.id}`)
        .set(mod.auth)
        .send({ body: 'moderated body' })
        .expect(200);
      expect(e3.body.revisionCount).toBe(4);

      const hist = await t.http().get(`/api/threads/${th.id}/revisions`).expect(200);
      expect(hist.body.nextCursor).toBeNull();
      expect(hist.body.items.map((r: { revision: number }) => r.revision)).toEqual([4, 3, 2, 1]);
      expect(hist.body.items[3]).toMatchObject({
        revision: 1,
        title: 'Original title',
        body: 'first body',
        html: '<p>first body</p>',
        tags: ['one'],
        editor: { id: member.id },
      });
      expect(hist.body.items[2]).toMatchObject({
        revision: 2,
        title: 'Original title',
        body: 'second *body*',
        tags: ['one'],
      });
      expect(hist.body.items[1]).toMatchObject({
        revision: 3,
        title: 'Better title',
        body: 'second *body*',
        tags: ['two', 'three'],
      });
      expect(hist.body.items[0]).toMatchObject({
        revision: 4,
        body: 'moderated body',
        editor: { id: mod.id },
      });
      expect(hist.body.items[0].editedAt).toBe(
        (await t.http().get(`/api/threads/${th.id}`).expect(200)).body.editedAt,
      );

      const p1 = await t.http().get(`/api/threads/${th.id}/revisions?limit=3`).expect(200);
      expect(p1.body.items.map((r: { revision: number }) => r.revision)).toEqual([4, 3, 2]);
      const p2 = await t
        .http()
        .get(`/api/threads/${th.id}/revisions?limit=3&cursor=${p1.body.nextCursor}`)
        .expect(200);
      expect(p2.body.items.map((r: { revision: number }) => r.revision)).toEqual([1]);
      expect(p2.body.nextCursor).toBeNull();
    });

    it('refuses edits by other members (403), anonymous callers (401), empty and bad edits (400)', async () => {
      const th = await newThread(t, member, pub);
      const res = await t
        .http()
        .patch(`/api/threads/${th.id}`)
        .set(other.auth)
        .send({ body: 'hijack' })
        .expect(403);
      expect(res.body.message).toMatch(/moderators and owners/);
      await t.http().patch(`/api/threads/${th.id}`).send({ body: 'anon' }).expect(401);
      const empty = await t
        .http()
        .patch(`/api/threads/${th.id}`)
        .set(member.auth)
        .send({})
        .expect(400);
      expect(empty.body.message).toEqual(['send at least one of title, body or tags']);
      await t
        .http()
        .patch(`/api/threads/${th.id}`)
        .set(member.auth)
        .send({ title: 'shrt' })
        .expect(400);
      await t
        .http()
        .patch(`/api/threads/${th.id}`)
        .set(member.auth)
        .send({ kind: 'announcement' })
        .expect(400);
      await t
        .http()
        .patch(`/api/threads/${th.id}`)
        .set(banned.auth)
        .send({ body: 'x' })
        .expect(403);
      await t
        .http()
        .patch(`/api/threads/${th.id}`)
        .set(outsider.auth)
        .send({ body: 'x' })
        .expect(403);
      const privTh = await newThread(t, member, priv);
      await t
        .http()
        .patch(`/api/threads/${privTh.id}`)
        .set(outsider.auth)
        .send({ body: 'x' })
        .expect(404);
      expect(
        (await t.http().get(`/api/threads/${th.id}/revisions`).expect(200)).body.items,
      ).toHaveLength(1);
    });

    it('hides the history of private threads from outsiders', async () => {
      const th = await newThread(t, member, priv);
      await t.http().get(`/api/threads/${th.id}/revisions`).set(outsider.auth).expect(404);
      await t.http().get(`/api/threads/${th.id}/revisions`).set(member.auth).expect(200);
    });
  });

  describe('deleting', () => {
    it('lets the author delete: the thread answers 410 to members and 200 (marked deleted) to moderators', async () => {
      const th = await newThread(t, member, pub);
      await t.http().delete(`/api/threads/${th.id}`).set(other.auth).expect(403);
      await t.http().delete(`/api/threads/${th.id}`).expect(401);
      await t.http().delete(`/api/threads/${th.id}`).set(member.auth).expect(204);
      const gone = await t.http().get(`/api/threads/${th.id}`).set(other.auth).expect(410);
      expect(gone.body.message).toMatch(/deleted by its author/);
      await t.http().get(`/api/threads/${th.id}`).expect(410);
      await t.http().get(`/api/threads/${th.id}`).set(member.auth).expect(410);
      const seen = await t.http().get(`/api/threads/${th.id}`).set(mod.auth).expect(200);
      expect(seen.body).toMatchObject({ deleted: true, deletedBy: 'author' });
      await t.http().delete(`/api/threads/${th.id}`).set(member.auth).expect(410);
      await t
        .http()
        .patch(`/api/threads/${th.id}`)
        .set(member.auth)
        .send({ body: 'back' })
        .expect(410);
      await t.http().get(`/api/threads/${th.id}/revisions`).set(other.auth).expect(410);
      await t
        .http()
        .post(`/api/threads/${th.id}/replies`)
        .set(other.auth)
        .send({ body: 'hello?' })
        .expect(410);
    });

    it('lets a moderator remove a member\u2019s thread with a reason', async () => {
      const th = await newThread(t, member, pub);
      await t
        .http()
        .delete(`/api/threads/${th.id}`)
        .set(mod.auth)
        .send({ reason: 'off topic' })
        .expect(204);
      const gone = await t.http().get(`/api/threads/${th.id}`).set(member.auth).expect(410);
      expect(gone.body.message).toMatch(/removed by a moderator/);
      const seen = await t.http().get(`/api/threads/${th.id}`).set(owner.auth).expect(200);
      expect(seen.body).toMatchObject({ deleted: true, deletedBy: 'moderator' });
      // Deleting again is a no-op for moderators.
      await t.http().delete(`/api/threads/${th.id}`).set(owner.auth).expect(204);
    });

    it('validates the reason', async () => {
      const th = await newThread(t, member, pub);
      const res = await t
        .http()
        .delete(`/api/threads/${th.id}`)
        .set(mod.auth)
        .send({ reason: 'x'.repeat(501) })
        .expect(400);
      expect(res.body.message.join()).toMatch(/reason must be shorter/);
      await t.http().delete(`/api/threads/${th.id}`).set(mod.auth).send({ why: 'x' }).expect(400);
    });
  });
});
