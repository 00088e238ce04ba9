import { DataSource } from 'typeorm';
import { newUser, TestUser } from '../helpers/factories';
import { addMember, banUser, newGroup, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';
import { newReply, newThread, TestThread } from '../helpers/threads';

interface PageBody {
  items: (TestThread & { group: { id: string } })[];
  nextCursor: string | null;
}

describe('feeds: group threads and the personal feed', () => {
  let t: TestApp;
  let owner: TestUser;
  let mod: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let outsider: TestUser;
  let banned: TestUser;

  beforeAll(async () => {
    t = await startApp();
    [owner, mod, alice, bob, outsider, banned] = await Promise.all(
      Array.from({ length: 6 }, () => newUser(t)),
    );
  });
  afterAll(() => t.close());

  async function groupWith(
    members: TestUser[],
    opts: { visibility?: 'public' | 'private' } = {},
  ): Promise<TestGroup> {
    const g = await newGroup(t, owner, {
      visibility: opts.visibility ?? 'public',
      joinPolicy: opts.visibility === 'private' ? 'invite' : 'open',
    });
    await addMember(t, owner, g, mod, 'moderator');
    for (const u of members) await addMember(t, owner, g, u);
    return g;
  }

  const feed = (groupId: string, query = '', u?: TestUser) => {
    const req = t.http().get(`/api/groups/${groupId}/threads${query ? `?${query}` : ''}`);
    return u ? req.set(u.auth) : req;
  };
  const ids = (body: PageBody) => body.items.map((x) => x.id);

  /** Every item of every page, following nextCursor. */
  async function all(path: string, u?: TestUser): Promise<string[]> {
    const out: string[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const req = t.http().get(`${path}${cursor ? `${sep}cursor=${cursor}` : ''}`);
      const res = await (u ? req.set(u.auth) : req).expect(200);
      out.push(...ids(res.body));
      cursor = res.body.nextCursor;
    } while (cursor);
    return out;
  }

  describe('a group\u2019s threads', () => {
    let g: TestGroup;
    let q1: TestThread,
      d1: TestThread,
      q2: TestThread,
      a1: TestThread,
      q3: TestThread,
      d2: TestThread,
      deleted: TestThread;
    beforeAll(async () => {
      g = await groupWith([alice, bob, banned]);
      await banUser(t, owner, g, banned, 'flooding');
      q1 = await newThread(t, alice, g, { kind: 'question', tags: ['sql', 'postgres'] });
      d1 = await newThread(t, bob, g, { kind: 'discussion', tags: ['career'] });
      q2 = await newThread(t, bob, g, { kind: 'question', tags: ['sql'] });
      a1 = await newThread(t, mod, g, { kind: 'announcement' });
      q3 = await newThread(t, alice, g, { kind: 'question' });
      d2 = await newThread(t, alice, g, { kind: 'discussion', tags: ['SQL'] });
      deleted = await newThread(t, alice, g, { kind: 'question', tags: ['sql'] });
      await t.http().delete(`/api/threads/${deleted.id}`).set(alice.auth).expect(204);
      // Activity: q1 and q2 get replies. Scores: q2 +2, d1 +1, q3 -1.
      await newReply(t, bob, q1);
      await newReply(t, alice, q2);
      await t
        .http()
        .put(`/api/threads/${q2.id}/vote`)
        .set(alice.auth)
        .send({ value: 1 })
        .expect(200);
      await t.http().put(`/api/threads/${q2.id}/vote`).set(mod.auth).send({ value: 1 }).expect(200);
      await t
        .http()
        .put(`/api/threads/${d1.id}/vote`)
        .set(alice.auth)
        .send({ value: 1 })
        .expect(200);
      await t
        .http()
        .put(`/api/threads/${q3.id}/vote`)
        .set(bob.auth)
        .send({ value: -1 })
        .expect(200);
    });

    it('lists latest first by default, without deleted threads', async () => {
      const res = await feed(g.id).expect(200);
      expect(ids(res.body)).toEqual([d2, q3, a1, q2, d1, q1].map((x) => x.id));
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items[0]).toMatchObject({
        group: { id: g.id, slug: g.slug, name: g.name },
        tags: ['sql'],
        author: { id: alice.id },
      });
      expect(
        (await feed(g.id, 'sort=latest').expect(200)).body.items.map((x: TestThread) => x.id),
      ).toEqual(ids(res.body));
    });

    it('sorts by last activity, by score, and lists unanswered questions', async () => {
      expect(ids((await feed(g.id, 'sort=active').expect(200)).body)).toEqual(
        [q2, q1, d2, q3, a1, d1].map((x) => x.id),
      );
      expect(ids((await feed(g.id, 'sort=top').expect(200)).body)).toEqual(
        [q2, d1, d2, a1, q1, q3].map((x) => x.id),
      );
      expect(ids((await feed(g.id, 'sort=unanswered').expect(200)).body)).toEqual(
        [q3].map((x) => x.id),
      );
    });

    it('filters by kind and tag (normalised), combined with any sort', async () => {
      expect(ids((await feed(g.id, 'kind=question').expect(200)).body)).toEqual(
        [q3, q2, q1].map((x) => x.id),
      );
      expect(ids((await feed(g.id, 'kind=announcement').expect(200)).body)).toEqual([a1.id]);
      expect(ids((await feed(g.id, 'tag=sql').expect(200)).body)).toEqual(
        [d2, q2, q1].map((x) => x.id),
      );
      expect(ids((await feed(g.id, 'tag=%20SQL%20').expect(200)).body)).toEqual(
        [d2, q2, q1].map((x) => x.id),
      );
      expect(ids((await feed(g.id, 'tag=sql&kind=question&sort=top').expect(200)).body)).toEqual(
        [q2, q1].map((x) => x.id),
      );
      expect(ids((await feed(g.id, 'tag=nothing').expect(200)).body)).toEqual([]);
    });

    it('shows the caller\u2019s vote on each thread', async () => {
      const res = await feed(g.id, 'sort=top', alice).expect(200);
      const byId = new Map(
        res.body.items.map((x: TestThread & { vote: number }) => [x.id, x.vote]),
      );
      expect(byId.get(q2.id)).toBe(1);
      expect(byId.get(d1.id)).toBe(1);
      expect(byId.get(q3.id)).toBe(0);
    });

    it('lists pinned threads first in every sort, and unpinning puts them back', async () => {
      await t.http().post(`/api/threads/${q1.id}/pin`).set(mod.auth).expect(200);
      expect(ids((await feed(g.id).expect(200)).body)[0]).toBe(q1.id);
      expect(ids((await feed(g.id, 'sort=top').expect(200)).body)).toEqual(
        [q1, q2, d1, d2, a1, q3].map((x) => x.id),
      );
      expect(ids((await feed(g.id, 'sort=active').expect(200)).body)[0]).toBe(q1.id);
      expect((await feed(g.id).expect(200)).body.items[0].pinned).toBe(true);
      // Paging through keeps the pinned one first and every thread exactly once.
      expect(await all(`/api/groups/${g.id}/threads?limit=2`)).toEqual(
        [q1, d2, q3, a1, q2, d1].map((x) => x.id),
      );
      expect(await all(`/api/groups/${g.id}/threads?limit=4&sort=top`)).toEqual(
        [q1, q2, d1, d2, a1, q3].map((x) => x.id),
      );
      await t.http().post(`/api/threads/${q1.id}/unpin`).set(mod.auth).expect(200);
      expect(ids((await feed(g.id).expect(200)).body)).toEqual(
        [d2, q3, a1, q2, d1, q1].map((x) => x.id),
      );
    });

    it('pages every sort with keyset cursors: same items as one big page, none twice', async () => {
      for (const sort of ['latest', 'active', 'top', 'unanswered']) {
        const whole = ids((await feed(g.id, `sort=${sort}&limit=100`).expect(200)).body);
        expect(await all(`/api/groups/${g.id}/threads?sort=${sort}&limit=1`)).toEqual(whole);
      }
    });

    it('refuses bad queries with 400 naming the parameter', async () => {
      const cases: [string, RegExp][] = [
        ['sort=newest', /sort must be one of/],
        ['kind=poll', /kind must be one of/],
        ['tag=c%2B%2B', /tag must be 1-30/],
        ['limit=0', /limit must not be less than 1/],
        ['limit=101', /limit must not be greater than 100/],
        ['cursor=%%%', /cursor/],
        ['page=2', /property page is not allowed/],
      ];
      for (const [q, msg] of cases)
        expect((await feed(g.id, q).expect(400)).body.message.join()).toMatch(msg);
      const top = await feed(g.id, 'sort=top&limit=1').expect(200);
      const mixed = await feed(g.id, `sort=latest&cursor=${top.body.nextCursor}`).expect(400);
      expect(mixed.body.message.join()).toMatch(/cursor/);
      const latest = await feed(g.id, 'sort=latest&limit=1').expect(200);
      await feed(g.id, `sort=active&cursor=${latest.body.nextCursor}`).expect(400);
    });

    it('lets anonymous readers read a public group; banned users get 403; unknown groups 404', async () => {
      await feed(g.id).expect(200);
      await feed(g.id, '', outsider).expect(200);
      const res = await feed(g.id, '', banned).expect(403);
      expect(res.body.message).toMatch(/flooding/);
      await feed('01ARZ3NDEKTSV4RRFFQ69G5FAV').expect(404);
      await feed('no-such-group').expect(404);
    });

    it('answers 404 to anyone but active members of a private group', async () => {
      const p = await groupWith([alice], { visibility: 'private' });
      await newThread(t, alice, p);
      await feed(p.id).expect(404);
      await feed(p.id, '', outsider).expect(404);
      expect((await feed(p.id, '', alice).expect(200)).body.items).toHaveLength(1);
    });
  });

  it('pages through latest while others post: every thread that existed at the start comes exactly once, in order', async () => {
    const g = await groupWith([alice, bob]);
    const existing: string[] = [];
    for (let i = 0; i < 23; i++) existing.push((await newThread(t, i % 2 ? alice : bob, g)).id);
    const expected = [...existing].reverse();
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const path: string = `/api/groups/${g.id}/threads?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      // Another client posts new threads while this one reads each page.
      const [page]: [{ body: PageBody }, ...unknown[]] = await Promise.all([
        t.http().get(path).set(alice.auth).expect(200),
        newThread(t, bob, g, { title: `Posted during paging ${round}a` }),
        newThread(t, mod, g, { title: `Posted during paging ${round}b` }),
      ]);
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
      round++;
    } while (cursor);
    const old = seen.filter((id) => existing.includes(id));
    expect(old).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
  });

  describe('GET /api/me/feed', () => {
    it('shows threads of every group where the caller is an active member, newest first or by activity', async () => {
      const reader = await newUser(t);
      const g1 = await groupWith([reader, alice]);
      const g2 = await groupWith([reader, bob], { visibility: 'private' });
      const g3 = await groupWith([alice]);
      const g4 = await groupWith([reader, alice]);
      await banUser(t, owner, g4, reader, 'gone');
      const x1 = await newThread(t, alice, g1);
      const x2 = await newThread(t, bob, g2);
      await newThread(t, alice, g3);
      await newThread(t, alice, g4);
      const x3 = await newThread(t, alice, g1, { kind: 'discussion', tags: ['news'] });
      const x4 = await newThread(t, bob, g2);
      const gone = await newThread(t, bob, g2);
      await t.http().delete(`/api/threads/${gone.id}`).set(bob.auth).expect(204);
      await newReply(t, bob, x2);

      const latest = await t.http().get('/api/me/feed').set(reader.auth).expect(200);
      expect(ids(latest.body)).toEqual([x4, x3, x2, x1].map((x) => x.id));
      expect(latest.body.items.map((x: { group: { id: string } }) => x.group.id)).toEqual([
        g2.id,
        g1.id,
        g2.id,
        g1.id,
      ]);
      expect(latest.body.items[0].group).toEqual({ id: g2.id, slug: g2.slug, name: g2.name });
      const active = await t.http().get('/api/me/feed?sort=active').set(reader.auth).expect(200);
      expect(ids(active.body)).toEqual([x2, x4, x3, x1].map((x) => x.id));
      expect(await all('/api/me/feed?limit=1', reader)).toEqual(ids(latest.body));
      expect(await all('/api/me/feed?limit=3&sort=active', reader)).toEqual(ids(active.body));
      expect(
        ids((await t.http().get('/api/me/feed?kind=discussion').set(reader.auth).expect(200)).body),
      ).toEqual([x3.id]);
      expect(
        ids((await t.http().get('/api/me/feed?tag=news').set(reader.auth).expect(200)).body),
      ).toEqual([x3.id]);
    });

    it('is empty for a user in no group, needs sign-in, and validates its query', async () => {
      const loner = await newUser(t);
      expect((await t.http().get('/api/me/feed').set(loner.auth).expect(200)).body).toEqual({
        items: [],
        nextCursor: null,
      });
      await t.http().get('/api/me/feed').expect(401);
      await t.http().get('/api/me/feed?sort=top').set(loner.auth).expect(400);
      await t.http().get('/api/me/feed?sort=unanswered').set(loner.auth).expect(400);
    });
  });

  describe('cost of a page', () => {
    it('reads a page of 20 threads with as many queries as a page of 5 (no N+1)', async () => {
      const g = await groupWith([alice, bob]);
      const authors = await Promise.all(Array.from({ length: 8 }, () => newUser(t)));
      for (const u of authors) await addMember(t, owner, g, u);
      for (let i = 0; i < 25; i++) {
        const th = await newThread(t, authors[i % authors.length], g, {
          tags: [`tag-${i % 4}`, `t${i}`],
        });
        if (i % 3 === 0)
          await t
            .http()
            .put(`/api/threads/${th.id}/vote`)
            .set(alice.auth)
            .send({ value: 1 })
            .expect(200);
      }
      const ds = t.app.get(DataSource);
      let queries = 0;
      const logger = ds.logger;
      const original = logger.logQuery.bind(logger);
      logger.logQuery = (...args: Parameters<typeof original>) => {
        queries++;
        return original(...args);
      };
      const count = async (path: string): Promise<number> => {
        // Posts are followed by work of their own (notifications, real-time delivery): let it finish.
        await t.settle();
        queries = 0;
        const res = await t.http().get(path).set(alice.auth).expect(200);
        expect(res.body.items.length).toBeGreaterThan(0);
        return queries;
      };
      try {
        for (const sort of ['latest', 'active', 'top', 'unanswered']) {
          const five = await count(`/api/groups/${g.id}/threads?sort=${sort}&limit=5`);
          const twenty = await count(`/api/groups/${g.id}/threads?sort=${sort}&limit=20`);
          expect(twenty).toBe(five);
          expect(twenty).toBeLessThanOrEqual(8);
        }
        expect(await count('/api/me/feed?limit=20')).toBe(await count('/api/me/feed?limit=5'));
        const th = (await t.http().get(`/api/groups/${g.id}/threads?limit=1`).expect(200)).body
          .items[0];
        for (let i = 0; i < 25; i++) {
          const r = await newReply(t, authors[i % authors.length], th);
          if (i % 5 === 0) await newReply(t, bob, th, { parentReplyId: r.id });
        }
        expect(await count(`/api/threads/${th.id}/replies?limit=20`)).toBe(
          await count(`/api/threads/${th.id}/replies?limit=5`),
        );
      } finally {
        logger.logQuery = original;
      }
    });
  });
});
