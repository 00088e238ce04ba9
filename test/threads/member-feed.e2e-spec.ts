import { newUser, TestUser } from '../helpers/factories';
import { joinGroup, newGroup, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';
import { newReply, newThread, TestThread } from '../helpers/threads';

/**
 * GET /api/me/feed merges each group's own first threads (one index range per group) rather
 * than sorting every thread of every group; these check that it still returns exactly the
 * threads of the caller's groups in order, across many groups (more than one merge query),
 * with pinned threads in no special place, through every page.
 */
describe('the personal feed of a member of many groups', () => {
  let t: TestApp;
  let owner: TestUser;
  let reader: TestUser;
  let groups: TestGroup[];
  let threads: TestThread[];

  beforeAll(async () => {
    t = await startApp();
    [owner, reader] = await Promise.all([newUser(t), newUser(t)]);
    groups = [];
    for (let i = 0; i < 105; i++) groups.push(await newGroup(t, owner));
    for (const g of groups) await joinGroup(t, reader, g);
    const elsewhere = await newGroup(t, owner);
    threads = [];
    // Threads spread over groups at both ends of the membership list, interleaved in time.
    for (let i = 0; i < 14; i++) {
      const g = groups[[0, 104, 50, 1, 103][i % 5]];
      threads.push(
        await newThread(t, owner, g, {
          kind: i % 3 ? 'question' : 'discussion',
          tags: i % 4 ? [] : ['rare'],
        }),
      );
      if (i === 6) await newThread(t, owner, elsewhere);
    }
    // A pinned thread keeps its place by time in the personal feed.
    await t.http().post(`/api/threads/${threads[2].id}/pin`).set(owner.auth).expect(200);
    // Activity moves the oldest thread to the front of `active`.
    await newReply(t, owner, threads[0]);
  }, 120_000);
  afterAll(() => t.close());

  async function all(path: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await t
          .http()
          .get(`${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
          .set(reader.auth)
          .expect(200)
      ).body;
      ids.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  it('lists every thread of the groups, newest first, one page or many', async () => {
    const newestFirst = [...threads].reverse().map((x) => x.id);
    expect(await all('/api/me/feed?limit=100')).toEqual(newestFirst);
    expect(await all('/api/me/feed?limit=3')).toEqual(newestFirst);
    expect(await all('/api/me/feed?limit=1')).toEqual(newestFirst);
  });

  it('orders by activity with sort=active', async () => {
    const expected = [threads[0], ...[...threads.slice(1)].reverse()].map((x) => x.id);
    expect(await all('/api/me/feed?sort=active&limit=100')).toEqual(expected);
    expect(await all('/api/me/feed?sort=active&limit=4')).toEqual(expected);
  });

  it('filters by kind and tag across all the groups', async () => {
    const discussions = threads
      .filter((_, i) => i % 3 === 0)
      .reverse()
      .map((x) => x.id);
    expect(await all('/api/me/feed?kind=discussion&limit=2')).toEqual(discussions);
    const rare = threads
      .filter((_, i) => i % 4 === 0)
      .reverse()
      .map((x) => x.id);
    expect(await all('/api/me/feed?tag=rare&limit=2')).toEqual(rare);
  });
});
