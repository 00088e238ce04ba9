import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Client } from 'pg';
import { startServerProcess } from '../helpers/server-process';
import { createTestStore, TestStore } from '../helpers/test-db';

interface Posted {
  status: number;
  title: string;
  body: string;
  tags: string[];
  author: string;
  id?: string;
}

async function call(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => ({}))) as Record<string, unknown>,
  };
}

/** Reads every id of a group's `latest` feed, page by page. */
async function feedIds(url: string, groupId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await call(
      url,
      'GET',
      `/api/groups/${groupId}/threads?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(page.status).toBe(200);
    ids.push(...(page.body.items as { id: string }[]).map((t) => t.id));
    cursor = page.body.nextCursor as string | null;
  } while (cursor);
  return ids;
}

/**
 * A thread post is a multi-row write (thread, tags, first revision) in one transaction,
 * acknowledged with 201 only after the commit. Killing the server in the middle of a burst
 * must leave every acknowledged thread complete, and no half-written one.
 */
describe('faults: kill -9 during a burst of concurrent thread posts', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.drop());

  const env = () => ({
    DATA_DIR: store.dataDir,
    DATABASE_URL: store.databaseUrl ?? '',
    JWT_SECRET: 'crash-test-secret-0123456789',
  });

  it('keeps every thread answered 201 whole after a restart, and nothing half-written', async () => {
    const server = await startServerProcess(env());
    const owner = await call(server.url, 'POST', '/api/auth/register', {
      email: 'owner@crash.example',
      password: 'survives a crash',
      displayName: 'Crash Owner',
    });
    const ownerToken = owner.body.accessToken as string;
    const group = await call(
      server.url,
      'POST',
      '/api/groups',
      {
        name: 'Crash Test Group',
        description: 'posts under fire',
        visibility: 'public',
        joinPolicy: 'open',
      },
      ownerToken,
    );
    expect(group.status).toBe(201);
    const groupId = group.body.id as string;
    const authors: { token: string; id: string }[] = [
      { token: ownerToken, id: (owner.body.user as { id: string }).id },
    ];
    for (let i = 0; i < 5; i++) {
      const r = await call(server.url, 'POST', '/api/auth/register', {
        email: `author${i}@crash.example`,
        password: 'survives a crash',
        displayName: `Author ${i}`,
      });
      const token = r.body.accessToken as string;
      expect(
        (
          await call(
            server.url,
            'POST',
            `/api/groups/${groupId}/join`,
            { acceptRulesVersion: 0 },
            token,
          )
        ).status,
      ).toBe(201);
      authors.push({ token, id: (r.body.user as { id: string }).id });
    }

    const post = async (i: number): Promise<Posted> => {
      const a = authors[i % authors.length];
      const p: Posted = {
        status: 0,
        title: `Question ${i} asked just before the crash`,
        body: `Body of question **${i}**, with markdown.\n\n- one\n- two`,
        tags: [`tag-${i % 7}`, 'crash'],
        author: a.id,
      };
      try {
        const r = await call(
          server.url,
          'POST',
          `/api/groups/${groupId}/threads`,
          { kind: 'question', title: p.title, body: p.body, tags: p.tags },
          a.token,
        );
        p.status = r.status;
        p.id = r.body.id as string | undefined;
      } catch {
        p.status = 0;
      }
      return p;
    };

    // Keep about 30 posts in flight; once 40 have been acknowledged, kill -9 the process.
    const answers: Promise<Posted>[] = [];
    let acknowledgedSoFar = 0;
    let killed = false;
    for (let i = 0; i < 2000 && !killed; i++) {
      answers.push(
        post(i).then((p) => {
          if (p.status === 201 && ++acknowledgedSoFar === 40 && !killed) {
            killed = true;
            server.child.kill('SIGKILL');
          }
          return p;
        }),
      );
      if (answers.length % 30 === 0) await new Promise((r) => setTimeout(r, 30));
    }
    const results = await Promise.all(answers);
    await server.exited;
    expect(killed).toBe(true);
    expect(results.some((p) => p.status === 0)).toBe(true);
    expect(results.filter((p) => p.status !== 201 && p.status !== 0)).toEqual([]);
    const acknowledged = results.filter((p) => p.status === 201);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    // The store itself: intact, and every thread there has its tags and its first revision.
    const orphanSql = `SELECT count(*) AS n FROM threads t WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.target_type = 'thread' AND r.target_id = t.id)`;
    if (store.kind === 'sqlite') {
      const db = new Database(join(store.dataDir, 'kring.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((db.prepare(orphanSql).get() as { n: number }).n).toBe(0);
      } finally {
        db.close();
      }
    } else {
      const c = new Client({ connectionString: store.databaseUrl! });
      await c.connect();
      try {
        expect(Number((await c.query(orphanSql)).rows[0].n)).toBe(0);
      } finally {
        await c.end();
      }
    }

    const again = await startServerProcess(env());
    try {
      for (const p of acknowledged) {
        const r = await call(again.url, 'GET', `/api/threads/${p.id}`);
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({
          id: p.id,
          title: p.title,
          body: p.body,
          tags: p.tags,
          groupId,
          kind: 'question',
          replyCount: 0,
          score: 0,
        });
        expect((r.body.author as { id: string }).id).toBe(p.author);
        const revisions = await call(again.url, 'GET', `/api/threads/${p.id}/revisions`);
        expect(revisions.body.items).toEqual([
          expect.objectContaining({ revision: 1, title: p.title, body: p.body, tags: p.tags }),
        ]);
      }
      // Every acknowledged thread is listed once; whatever else committed before the kill is whole too.
      const listed = await feedIds(again.url, groupId);
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed).toEqual(expect.arrayContaining(acknowledged.map((p) => p.id)));
      // The restarted server takes new posts.
      expect(
        (
          await call(
            again.url,
            'POST',
            `/api/groups/${groupId}/threads`,
            { kind: 'discussion', title: 'Back after the crash', body: 'All good.' },
            ownerToken,
          )
        ).status,
      ).toBe(201);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });
});
