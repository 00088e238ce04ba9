import { newUser, TestUser } from '../helpers/factories';
import { addMember, banUser, newGroup, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';
import { newReply, newThread, TestThread } from '../helpers/threads';

describe('replies: answers, one-level comments, edits, soft deletes', () => {
  let t: TestApp;
  let owner: TestUser;
  let mod: TestUser;
  let asker: TestUser;
  let a: TestUser;
  let b: TestUser;
  let outsider: TestUser;
  let banned: TestUser;
  let pub: TestGroup;
  let priv: TestGroup;

  beforeAll(async () => {
    t = await startApp();
    [owner, mod, asker, a, b, outsider, banned] = await Promise.all(
      Array.from({ length: 7 }, () => newUser(t)),
    );
    pub = await newGroup(t, owner);
    priv = await newGroup(t, owner, { visibility: 'private', joinPolicy: 'invite' });
    for (const g of [pub, priv]) {
      await addMember(t, owner, g, mod, 'moderator');
      for (const u of [asker, a, b, banned]) await addMember(t, owner, g, u);
      await banUser(t, owner, g, banned, 'trolling');
    }
  });
  afterAll(() => t.close());

  const reply = (u: TestUser | null, threadId: string, body: object) => {
    const req = t.http().post(`/api/threads/${threadId}/replies`);
    return u ? req.set(u.auth).send(body) : req.send(body);
  };
  const thread = (id: string, u?: TestUser) =>
    u ? t.http().get(`/api/threads/${id}`).set(u.auth) : t.http().get(`/api/threads/${id}`);

  it('posts an answer (201) and keeps replyCount and lastActivityAt on the thread', async () => {
    const th = await newThread(t, asker, pub);
    const res = await reply(a, th.id, { body: 'Use `EXPLAIN ANALYZE`' }).expect(201);
    expect(res.body).toMatchObject({
      threadId: th.id,
      groupId: pub.id,
      parentReplyId: null,
      body: 'Use `EXPLAIN ANALYZE`',
      html: '<p>Use <code>EXPLAIN ANALYZE</code></p>',
      author: { id: a.id, handle: a.handle },
      score: 0,
      vote: 0,
      accepted: false,
      revisionCount: 1,
      editedAt: null,
      deleted: false,
      deletedBy: null,
    });
    const after = (await thread(th.id).expect(200)).body;
    expect(after.replyCount).toBe(1);
    expect(after.lastActivityAt).toBe(res.body.createdAt);
    expect(after.lastActivityAt > th.createdAt || after.lastActivityAt === th.createdAt).toBe(true);
  });

  it('keeps replyCount exact when many reply at once', async () => {
    const th = await newThread(t, asker, pub);
    const authors = [a, b, mod, owner];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        reply(authors[i % 4], th.id, { body: `concurrent ${i}` }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect((await thread(th.id).expect(200)).body.replyCount).toBe(30);
    const newest = results
      .map((r) => r.body.createdAt as string)
      .sort()
      .pop();
    expect((await thread(th.id).expect(200)).body.lastActivityAt).toBe(newest);
  });

  it('nests comments one level under an answer; a comment on a comment is 400', async () => {
    const th = await newThread(t, asker, pub);
    const ans = await newReply(t, a, th);
    const c1 = await reply(b, th.id, { body: 'Which version?', parentReplyId: ans.id }).expect(201);
    expect(c1.body.parentReplyId).toBe(ans.id);
    const deeper = await reply(a, th.id, { body: 'deeper', parentReplyId: c1.body.id }).expect(400);
    expect(deeper.body.message.join()).toMatch(/parentReplyId is a comment/);
    const other = await newThread(t, asker, pub);
    const foreign = await reply(a, other.id, { body: 'x', parentReplyId: ans.id }).expect(400);
    expect(foreign.body.message.join()).toMatch(/parentReplyId must be a reply of this thread/);
    await reply(a, th.id, { body: 'x', parentReplyId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }).expect(400);
    const shape = await reply(a, th.id, { body: 'x', parentReplyId: 'nope' }).expect(400);
    expect(shape.body.message).toEqual(['parentReplyId must be a valid id']);
    expect((await thread(th.id).expect(200)).body.replyCount).toBe(2);
  });

  it('validates the body', async () => {
    const th = await newThread(t, asker, pub);
    for (const [body, msg] of [
      [{}, /body must/],
      [{ body: '' }, /body must not be empty/],
      [{ body: 'x'.repeat(20_001) }, /body must be shorter than or equal to 20000/],
      [{ body: 42 }, /body must be a string/],
      [{ body: 'ok', score: 5 }, /property score is not allowed/],
    ] as [object, RegExp][]) {
      const res = await reply(a, th.id, body).expect(400);
      expect(res.body.message.join()).toMatch(msg);
    }
  });

  it('lists answers oldest or top first, each with its first comments, with keyset pages', async () => {
    const th = await newThread(t, asker, pub);
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await newReply(t, i % 2 ? a : b, th, { body: `answer ${i}` }));
    const comments = [];
    for (let i = 0; i < 12; i++)
      comments.push(
        await newReply(t, i % 2 ? a : b, th, {
          body: `comment ${i}`,
          parentReplyId: answers[1].id,
        }),
      );
    await newReply(t, a, th, { body: 'on the last', parentReplyId: answers[4].id });
    // Votes: answers[3] gets +2, answers[0] gets -1.
    await t
      .http()
      .put(`/api/replies/${answers[3].id}/vote`)
      .set(asker.auth)
      .send({ value: 1 })
      .expect(200);
    await t
      .http()
      .put(`/api/replies/${answers[3].id}/vote`)
      .set(mod.auth)
      .send({ value: 1 })
      .expect(200);
    await t
      .http()
      .put(`/api/replies/${answers[0].id}/vote`)
      .set(asker.auth)
      .send({ value: -1 })
      .expect(200);

    const oldest = await t.http().get(`/api/threads/${th.id}/replies`).expect(200);
    expect(oldest.body.items.map((r: { body: string }) => r.body)).toEqual(
      answers.map((r) => r.body),
    );
    expect(oldest.body.nextCursor).toBeNull();
    const second = oldest.body.items[1];
    expect(second.comments.map((c: { body: string }) => c.body)).toEqual(
      comments.slice(0, 10).map((c) => c.body),
    );
    expect(second.moreComments).toBe(true);
    expect(oldest.body.items[4].comments.map((c: { body: string }) => c.body)).toEqual([
      'on the last',
    ]);
    expect(oldest.body.items[4].moreComments).toBe(false);
    expect(oldest.body.items[0].comments).toEqual([]);

    const rest = await t.http().get(`/api/replies/${answers[1].id}/comments?limit=5`).expect(200);
    expect(rest.body.items.map((c: { body: string }) => c.body)).toEqual(
      comments.slice(0, 5).map((c) => c.body),
    );
    const rest2 = await t
      .http()
      .get(`/api/replies/${answers[1].id}/comments?limit=10&cursor=${rest.body.nextCursor}`)
      .expect(200);
    expect(rest2.body.items.map((c: { body: string }) => c.body)).toEqual(
      comments.slice(5).map((c) => c.body),
    );
    expect(rest2.body.nextCursor).toBeNull();
    await t.http().get(`/api/replies/${comments[0].id}/comments`).expect(400);

    const top = await t
      .http()
      .get(`/api/threads/${th.id}/replies?sort=top`)
      .set(asker.auth)
      .expect(200);
    expect(top.body.items.map((r: { id: string }) => r.id)).toEqual(
      [answers[3], answers[1], answers[2], answers[4], answers[0]].map((r) => r.id),
    );
    expect(top.body.items[0]).toMatchObject({ score: 2, vote: 1 });
    expect(top.body.items[4]).toMatchObject({ score: -1, vote: -1 });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t
        .http()
        .get(`/api/threads/${th.id}/replies?sort=top&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...page.body.items.map((r) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(top.body.items.map((r: { id: string }) => r.id));

    const wrongOrder = await t
      .http()
      .get(
        `/api/threads/${th.id}/replies?sort=top&cursor=${oldest.body.nextCursor ?? rest.body.nextCursor}`,
      )
      .expect(400);
    expect(wrongOrder.body.message.join()).toMatch(/cursor/);
    await t.http().get(`/api/threads/${th.id}/replies?sort=newest`).expect(400);
    await t.http().get(`/api/threads/${th.id}/replies?cursor=garbage`).expect(400);
    await t.http().get(`/api/threads/${th.id}/replies?limit=101`).expect(400);
  });

  it('shows one reply by id, including comments and removed ones', async () => {
    const th = await newThread(t, asker, pub);
    const ans = await newReply(t, a, th, { body: 'solo' });
    const one = await t.http().get(`/api/replies/${ans.id}`).expect(200);
    expect(one.body).toMatchObject({ id: ans.id, body: 'solo', threadId: th.id });
    await t.http().get('/api/replies/01ARZ3NDEKTSV4RRFFQ69G5FAV').expect(404);
    const bad = await t.http().get('/api/replies/zzz').expect(400);
    expect(bad.body.message).toEqual(['replyId must be a valid id']);
  });

  it('keeps private threads\u2019 replies from outsiders (404) and banned users (403); anonymous readers of public groups may read, not write', async () => {
    const privTh = await newThread(t, asker, priv);
    const privAns = await newReply(t, a, privTh);
    for (const path of [
      `/api/threads/${privTh.id}/replies`,
      `/api/replies/${privAns.id}`,
      `/api/replies/${privAns.id}/comments`,
      `/api/replies/${privAns.id}/revisions`,
    ]) {
      await t.http().get(path).expect(404);
      await t.http().get(path).set(outsider.auth).expect(404);
      await t.http().get(path).set(banned.auth).expect(403);
      await t.http().get(path).set(b.auth).expect(200);
    }
    await reply(outsider, privTh.id, { body: 'x' }).expect(404);
    await t
      .http()
      .patch(`/api/replies/${privAns.id}`)
      .set(outsider.auth)
      .send({ body: 'x' })
      .expect(404);
    await t.http().delete(`/api/replies/${privAns.id}`).set(outsider.auth).expect(404);
    await t
      .http()
      .put(`/api/replies/${privAns.id}/vote`)
      .set(outsider.auth)
      .send({ value: 1 })
      .expect(404);

    const pubTh = await newThread(t, asker, pub);
    const pubAns = await newReply(t, a, pubTh);
    await t.http().get(`/api/threads/${pubTh.id}/replies`).expect(200);
    await t.http().get(`/api/replies/${pubAns.id}`).expect(200);
    await reply(null, pubTh.id, { body: 'anon' }).expect(401);
    await t.http().patch(`/api/replies/${pubAns.id}`).send({ body: 'x' }).expect(401);
    await t.http().delete(`/api/replies/${pubAns.id}`).expect(401);
    await t.http().put(`/api/replies/${pubAns.id}/vote`).send({ value: 1 }).expect(401);
    const notMember = await reply(outsider, pubTh.id, { body: 'x' }).expect(403);
    expect(notMember.body.message).toMatch(/join the group/);
    const ban = await reply(banned, pubTh.id, { body: 'x' }).expect(403);
    expect(ban.body.message).toMatch(/trolling/);
  });

  it('edits keep every revision; other members may not edit (403), moderators may', async () => {
    const th = await newThread(t, asker, pub);
    const ans = await newReply(t, a, th, { body: 'v1' });
    const e = await t
      .http()
      .patch(`/api/replies/${ans.id}`)
      .set(a.auth)
      .send({ body: 'v2 with [link](https://example.org)' })
      .expect(200);
    expect(e.body).toMatchObject({ body: 'v2 with [link](https://example.org)', revisionCount: 2 });
    expect(e.body.html).toBe(
      '<p>v2 with <a href="https://example.org" rel="nofollow noopener ugc">link</a></p>',
    );
    expect(e.body.editedAt).not.toBeNull();
    await t.http().patch(`/api/replies/${ans.id}`).set(b.auth).send({ body: 'hijack' }).expect(403);
    await t
      .http()
      .patch(`/api/replies/${ans.id}`)
      .set(mod.auth)
      .send({ body: 'v3 by mod' })
      .expect(200);
    await t.http().patch(`/api/replies/${ans.id}`).set(a.auth).send({}).expect(400);
    const hist = await t.http().get(`/api/replies/${ans.id}/revisions`).expect(200);
    expect(
      hist.body.items.map(
        (r: { revision: number; body: string; title: string | null; tags: unknown }) => [
          r.revision,
          r.body,
          r.title,
          r.tags,
        ],
      ),
    ).toEqual([
      [3, 'v3 by mod', null, null],
      [2, 'v2 with [link](https://example.org)', null, null],
      [1, 'v1', null, null],
    ]);
    expect(hist.body.items[0].editor.id).toBe(mod.id);
  });

  it('a deleted reply keeps its place, blanked, and the thread counts one reply fewer', async () => {
    const th = await newThread(t, asker, pub);
    const r1 = await newReply(t, a, th, { body: 'first' });
    const r2 = await newReply(t, b, th, { body: 'second (to delete)' });
    await newReply(t, a, th, { body: 'comment under second', parentReplyId: r2.id });
    const r3 = await newReply(t, a, th, { body: 'third (to remove)' });
    expect((await thread(th.id).expect(200)).body.replyCount).toBe(4);

    await t.http().delete(`/api/replies/${r2.id}`).set(a.auth).expect(403);
    await t.http().delete(`/api/replies/${r2.id}`).set(b.auth).expect(204);
    await t
      .http()
      .delete(`/api/replies/${r3.id}`)
      .set(mod.auth)
      .send({ reason: 'rude' })
      .expect(204);

    const list = await t.http().get(`/api/threads/${th.id}/replies`).expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([r1.id, r2.id, r3.id]);
    expect(list.body.items[1]).toMatchObject({
      deleted: true,
      deletedBy: 'author',
      body: '',
      html: '',
      author: null,
    });
    expect(list.body.items[1].comments.map((c: { body: string }) => c.body)).toEqual([
      'comment under second',
    ]);
    expect(list.body.items[2]).toMatchObject({
      deleted: true,
      deletedBy: 'moderator',
      body: '',
      html: '',
      author: null,
    });
    expect((await thread(th.id).expect(200)).body.replyCount).toBe(2);
    const one = await t.http().get(`/api/replies/${r2.id}`).expect(200);
    expect(one.body).toMatchObject({ deleted: true, body: '' });

    // Its text is gone for members, history included; moderators can still read the history.
    await t.http().get(`/api/replies/${r2.id}/revisions`).set(a.auth).expect(410);
    const modHist = await t.http().get(`/api/replies/${r2.id}/revisions`).set(mod.auth).expect(200);
    expect(modHist.body.items[0].body).toBe('second (to delete)');
    // Nothing more can happen to it.
    await t.http().patch(`/api/replies/${r2.id}`).set(b.auth).send({ body: 'again' }).expect(410);
    await t.http().delete(`/api/replies/${r2.id}`).set(b.auth).expect(410);
    await t.http().delete(`/api/replies/${r2.id}`).set(mod.auth).expect(204);
    await t.http().put(`/api/replies/${r2.id}/vote`).set(asker.auth).send({ value: 1 }).expect(410);
    await reply(a, th.id, { body: 'comment on deleted', parentReplyId: r2.id }).expect(410);
    expect((await thread(th.id).expect(200)).body.replyCount).toBe(2);
  });

  describe('accepted answers', () => {
    let q: TestThread;
    let ans1: { id: string };
    let ans2: { id: string };
    let comment: { id: string };
    beforeAll(async () => {
      q = await newThread(t, asker, pub, { kind: 'question' });
      ans1 = await newReply(t, a, q);
      ans2 = await newReply(t, b, q);
      comment = await newReply(t, a, q, { parentReplyId: ans1.id });
    });

    it('lets the question\u2019s author accept an answer, change it, and withdraw it', async () => {
      const r1 = await t
        .http()
        .post(`/api/threads/${q.id}/accept`)
        .set(asker.auth)
        .send({ replyId: ans1.id })
        .expect(200);
      expect(r1.body.acceptedReplyId).toBe(ans1.id);
      const list = await t.http().get(`/api/threads/${q.id}/replies`).expect(200);
      expect(list.body.items.map((r: { accepted: boolean }) => r.accepted)).toEqual([true, false]);
      const r2 = await t
        .http()
        .post(`/api/threads/${q.id}/accept`)
        .set(asker.auth)
        .send({ replyId: ans2.id })
        .expect(200);
      expect(r2.body.acceptedReplyId).toBe(ans2.id);
      expect((await t.http().get(`/api/replies/${ans2.id}`).expect(200)).body.accepted).toBe(true);
      const r3 = await t
        .http()
        .post(`/api/threads/${q.id}/accept`)
        .set(asker.auth)
        .send({ replyId: null })
        .expect(200);
      expect(r3.body.acceptedReplyId).toBeNull();
    });

    it('lets moderators accept too, but not other members (403) or anonymous callers (401)', async () => {
      await t
        .http()
        .post(`/api/threads/${q.id}/accept`)
        .set(a.auth)
        .send({ replyId: ans1.id })
        .expect(403);
      await t.http().post(`/api/threads/${q.id}/accept`).send({ replyId: ans1.id }).expect(401);
      const res = await t
        .http()
        .post(`/api/threads/${q.id}/accept`)
        .set(mod.auth)
        .send({ replyId: ans1.id })
        .expect(200);
      expect(res.body.acceptedReplyId).toBe(ans1.id);
    });

    it('accepts only an answer of this question', async () => {
      const other = await newThread(t, asker, pub);
      const foreign = await newReply(t, a, other);
      const e1 = await t
        .http()
        .post(`/api/threads/${q.id}/accept`)
        .set(asker.auth)
        .send({ replyId: foreign.id })
        .expect(400);
      expect(e1.body.message).toEqual(['replyId must be an answer of this thread']);
      const e2 = await t
        .http()
        .post(`/api/threads/${q.id}/accept`)
        .set(asker.auth)
        .send({ replyId: comment.id })
        .expect(400);
      expect(e2.body.message.join()).toMatch(/comment/);
      const e3 = await t
        .http()
        .post(`/api/threads/${q.id}/accept`)
        .set(asker.auth)
        .send({})
        .expect(400);
      expect(e3.body.message.join()).toMatch(/replyId must be a valid id or null/);
      await t
        .http()
        .post(`/api/threads/${q.id}/accept`)
        .set(asker.auth)
        .send({ replyId: 'x' })
        .expect(400);
      const disc = await newThread(t, asker, pub, { kind: 'discussion' });
      const discAns = await newReply(t, a, disc);
      const e4 = await t
        .http()
        .post(`/api/threads/${disc.id}/accept`)
        .set(asker.auth)
        .send({ replyId: discAns.id })
        .expect(400);
      expect(e4.body.message).toEqual(['only questions have an accepted answer']);
    });

    it('forgets the accepted answer when it is deleted, and refuses to accept a deleted one', async () => {
      const q2 = await newThread(t, asker, pub);
      const x = await newReply(t, a, q2);
      await t
        .http()
        .post(`/api/threads/${q2.id}/accept`)
        .set(asker.auth)
        .send({ replyId: x.id })
        .expect(200);
      await t.http().delete(`/api/replies/${x.id}`).set(a.auth).expect(204);
      expect((await thread(q2.id).expect(200)).body.acceptedReplyId).toBeNull();
      const res = await t
        .http()
        .post(`/api/threads/${q2.id}/accept`)
        .set(asker.auth)
        .send({ replyId: x.id })
        .expect(400);
      expect(res.body.message.join()).toMatch(/deleted/);
    });
  });

  describe('lock and pin', () => {
    it('moderators lock a thread: members get 423 on replying, editing and voting; unlocking reopens it', async () => {
      const th = await newThread(t, asker, pub);
      const ans = await newReply(t, a, th);
      await t.http().post(`/api/threads/${th.id}/lock`).set(asker.auth).expect(403);
      await t.http().post(`/api/threads/${th.id}/lock`).expect(401);
      const locked = await t.http().post(`/api/threads/${th.id}/lock`).set(mod.auth).expect(200);
      expect(locked.body.locked).toBe(true);
      const res = await reply(b, th.id, { body: 'too late' }).expect(423);
      expect(res.body).toMatchObject({ statusCode: 423, error: 'Locked' });
      expect(res.body.message).toMatch(/locked/);
      await t.http().patch(`/api/replies/${ans.id}`).set(a.auth).send({ body: 'edit' }).expect(423);
      await t
        .http()
        .patch(`/api/threads/${th.id}`)
        .set(asker.auth)
        .send({ body: 'edit' })
        .expect(423);
      await t.http().put(`/api/replies/${ans.id}/vote`).set(b.auth).send({ value: 1 }).expect(423);
      await t.http().put(`/api/threads/${th.id}/vote`).set(b.auth).send({ value: 1 }).expect(423);
      // Moderators may still post a closing note.
      await reply(mod, th.id, { body: 'Locked: answered elsewhere' }).expect(201);
      // Deleting one's own reply is still possible.
      await t.http().delete(`/api/replies/${ans.id}`).set(a.auth).expect(204);
      await t.http().post(`/api/threads/${th.id}/lock`).set(mod.auth).expect(200);
      const unlocked = await t
        .http()
        .post(`/api/threads/${th.id}/unlock`)
        .set(owner.auth)
        .expect(200);
      expect(unlocked.body.locked).toBe(false);
      await reply(b, th.id, { body: 'open again' }).expect(201);
    });

    it('moderators pin and unpin; members may not', async () => {
      const th = await newThread(t, asker, pub);
      await t.http().post(`/api/threads/${th.id}/pin`).set(a.auth).expect(403);
      expect(
        (await t.http().post(`/api/threads/${th.id}/pin`).set(mod.auth).expect(200)).body.pinned,
      ).toBe(true);
      expect((await thread(th.id).expect(200)).body.pinned).toBe(true);
      await t.http().post(`/api/threads/${th.id}/unpin`).set(a.auth).expect(403);
      expect(
        (await t.http().post(`/api/threads/${th.id}/unpin`).set(mod.auth).expect(200)).body.pinned,
      ).toBe(false);
    });

    it('private threads: outsiders get 404 on every moderator route; banned users 403', async () => {
      const th = await newThread(t, asker, priv);
      for (const action of ['lock', 'unlock', 'pin', 'unpin', 'accept']) {
        await t
          .http()
          .post(`/api/threads/${th.id}/${action}`)
          .set(outsider.auth)
          .send({ replyId: null })
          .expect(404);
        await t
          .http()
          .post(`/api/threads/${th.id}/${action}`)
          .set(banned.auth)
          .send({ replyId: null })
          .expect(403);
      }
    });
  });
});
