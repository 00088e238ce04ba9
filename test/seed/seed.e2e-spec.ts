import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, demoEmail } from '../../scripts/seed/demo-content';
import { SEED_PASSWORD, seedDemoStore, seedStore } from '../../scripts/seed/main';
import { startApp, TestApp } from '../helpers/test-app';
import { createTestStore, TestStore } from '../helpers/test-db';

const SIZES = { users: 150, groups: 6, threads: 300, replies: 1500, seed: 7 };

function target(store: TestStore) {
  return store.databaseUrl ? { kind: 'postgres' as const, url: store.databaseUrl } : { kind: 'sqlite' as const, path: join(store.dataDir, 'kring.sqlite') };
}

/** Everything an API client can read of a page list, following nextCursor. */
async function all<T>(t: TestApp, path: string, token?: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const req = t.http().get(`${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const res = await (token ? req.set('Authorization', `Bearer ${token}`) : req);
    expect(res.status).toBe(200);
    items.push(...(res.body.items as T[]));
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

interface Thread {
  id: string;
  replyCount: number;
  score: number;
  acceptedReplyId: string | null;
  pinned: boolean;
}
interface Answer {
  id: string;
  accepted: boolean;
  deleted: boolean;
  comments: unknown[];
  moreComments: boolean;
}

describe('seed: a generated community the server serves as if it had been posted through it', () => {
  let store: TestStore;
  let t: TestApp;
  beforeAll(async () => {
    store = await createTestStore();
    await seedStore(target(store), SIZES, { quiet: true });
    t = await startApp({ store });
  }, 60_000);
  afterAll(() => t.close());

  it('lets every seeded user sign in with the known password', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'user1@example.com', password: SEED_PASSWORD }).expect(200);
    expect(res.body.user.handle).toMatch(/^[a-z0-9_]{3,30}$/);
    await t.http().post('/api/auth/login').send({ email: `user${SIZES.users}@example.com`, password: SEED_PASSWORD }).expect(200);
  });

  it('keeps memberCount, replyCount and accepted answers consistent with the rows', async () => {
    const login = await t.http().post('/api/auth/login').send({ email: 'user1@example.com', password: SEED_PASSWORD });
    const groups = await all<{ id: string; memberCount: number; visibility: string }>(t, '/api/groups');
    const publics = groups.filter((g) => g.visibility === 'public');
    expect(publics.length).toBeGreaterThan(0);
    const sizes = publics.map((g) => g.memberCount).sort((a, b) => b - a);
    // Skewed sizes: the largest group is several times the smallest.
    expect(sizes[0]).toBeGreaterThan(3 * sizes[sizes.length - 1]);
    for (const g of publics.slice(0, 3)) {
      const members = await all<unknown>(t, `/api/groups/${g.id}/members`, login.body.accessToken);
      expect(members.length).toBe(g.memberCount);
    }
    const biggest = publics.sort((a, b) => b.memberCount - a.memberCount)[0];
    const threads = await all<Thread>(t, `/api/groups/${biggest.id}/threads`);
    expect(threads.length).toBeGreaterThan(20);
    // Pinned threads first, then newest first.
    const firstUnpinned = threads.findIndex((x) => !x.pinned);
    expect(threads.slice(firstUnpinned).every((x) => !x.pinned)).toBe(true);
    for (const th of [...threads].sort((a, b) => b.replyCount - a.replyCount).slice(0, 5)) {
      const answers = await all<Answer>(t, `/api/threads/${th.id}/replies`);
      let live = 0;
      for (const a of answers) {
        if (!a.deleted) live++;
        const comments = a.moreComments ? await all<{ deleted: boolean }>(t, `/api/replies/${a.id}/comments`) : (a.comments as { deleted: boolean }[]);
        live += comments.filter((c) => !c.deleted).length;
      }
      expect(live).toBe(th.replyCount);
      const accepted = answers.filter((a) => a.accepted).map((a) => a.id);
      expect(accepted).toEqual(th.acceptedReplyId ? [th.acceptedReplyId] : []);
    }
  });

  it('refuses to seed a store that already holds data', async () => {
    await expect(seedStore(target(store), SIZES, { quiet: true })).rejects.toThrow(/already holds .* users/);
  });
});

describe('seed: determinism', () => {
  it('writes the same rows for the same --seed', async () => {
    const digests: string[] = [];
    for (let i = 0; i < 2; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'kring-seed-'));
      try {
        await seedStore({ kind: 'sqlite', path: join(dir, 'kring.sqlite') }, { ...SIZES, threads: 100, replies: 400 }, { quiet: true });
        const db = new Database(join(dir, 'kring.sqlite'), { readonly: true });
        const h = createHash('sha256');
        for (const table of ['users', 'groups', 'memberships', 'threads', 'replies', 'votes'])
          for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()) h.update(JSON.stringify(row));
        db.close();
        digests.push(h.digest('hex'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    expect(digests[0]).toBe(digests[1]);
  }, 60_000);
});

describe('seed --demo', () => {
  let store: TestStore;
  let t: TestApp;
  beforeAll(async () => {
    store = await createTestStore();
    expect((await seedDemoStore(target(store), { quiet: true })).added).toBe(true);
    t = await startApp({ store });
  }, 60_000);
  afterAll(() => t.close());

  it('makes a small community to explore, and does nothing the second time', async () => {
    const login = await t.http().post('/api/auth/login').send({ email: demoEmail('ada'), password: DEMO_PASSWORD }).expect(200);
    const groups = await all<{ slug: string; name: string }>(t, '/api/groups');
    expect(groups.map((g) => g.slug)).toEqual(expect.arrayContaining(['platform-engineering-guild', 'product-leaders-circle']));
    const feed = await all<{ title: string; pinned: boolean; replyCount: number }>(t, '/api/groups/platform-engineering-guild/threads');
    expect(feed[0]).toMatchObject({ pinned: true, title: expect.stringMatching(/^Welcome/) });
    const mine = await t.http().get('/api/me/feed').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(mine.body.items.length).toBeGreaterThan(3);
    expect((await seedDemoStore(target(store), { quiet: true })).added).toBe(false);
  });
});
