import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestStore, TestStore } from '../helpers/test-db';
import { startServerProcess } from '../helpers/server-process';

/** Registration is a multi-row write (user + handle lookup) acknowledged with 201. */
async function register(
  url: string,
  i: number,
): Promise<{ status: number; email: string; id?: string }> {
  const email = `crash${i}@example.org`;
  try {
    const res = await fetch(`${url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'survives a crash', displayName: `Crash ${i}` }),
    });
    const body = (await res.json().catch(() => ({}))) as { user?: { id: string } };
    return { status: res.status, email, id: body.user?.id };
  } catch {
    return { status: 0, email };
  }
}

describe('faults: the server process dies or is stopped', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.drop());

  const env = () => ({
    DATA_DIR: store.dataDir,
    DATABASE_URL: store.databaseUrl ?? '',
    JWT_SECRET: 'crash-test-secret-0123456789',
  });

  it('keeps every acknowledged write after kill -9 in the middle of a burst, and the store stays intact', async () => {
    const server = await startServerProcess(env());
    const answers: Promise<{ status: number; email: string; id?: string }>[] = [];
    let acknowledgedSoFar = 0;
    let killed = false;
    // Keep 30 registrations in flight; once 20 have been acknowledged, kill -9 the process.
    for (let i = 0; i < 400 && !killed; i++) {
      answers.push(
        register(server.url, i).then((r) => {
          if (r.status === 201 && ++acknowledgedSoFar === 20) {
            killed = true;
            server.child.kill('SIGKILL');
          }
          return r;
        }),
      );
      if (answers.length % 30 === 0) await new Promise((r) => setTimeout(r, 50));
    }
    const results = await Promise.all(answers);
    expect(killed).toBe(true);
    // Some requests were cut off by the crash: they were never acknowledged.
    expect(results.some((r) => r.status === 0)).toBe(true);
    await server.exited;
    const acknowledged = results.filter((r) => r.status === 201);
    expect(acknowledged.length).toBeGreaterThan(0);

    if (store.kind === 'sqlite') {
      const db = new Database(join(store.dataDir, 'kring.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    } else {
      const c = new Client({ connectionString: store.databaseUrl! });
      await c.connect();
      try {
        const { rows } = await c.query('SELECT count(*)::int AS n FROM users');
        expect(rows[0].n).toBeGreaterThanOrEqual(acknowledged.length);
      } finally {
        await c.end();
      }
    }

    const again = await startServerProcess(env());
    try {
      for (const r of acknowledged) {
        const res = await fetch(`${again.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: r.email, password: 'survives a crash' }),
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { user: { id: string; displayName: string } };
        expect(body.user.id).toBe(r.id);
      }
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });

  it('on SIGTERM finishes the requests in flight, then exits', async () => {
    const server = await startServerProcess(env());
    const inFlight = Array.from({ length: 20 }, (_, i) => register(server.url, 1000 + i));
    await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGTERM');
    const results = await Promise.all(inFlight);
    // Nest re-raises the signal after a clean shutdown, so the process ends by SIGTERM, not by a crash.
    const ended = await Promise.race([
      server.exited,
      new Promise((r) => setTimeout(() => r('still running after 15 s'), 15000)),
    ]);
    expect(ended).toBe('SIGTERM');
    expect(server.output()).not.toMatch(/"level":50|Error/);
    // Each request completed, or was refused before it started (connection refused, or 503 while closing).
    for (const r of results) expect([201, 503, 0]).toContain(r.status);
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThan(0);

    const again = await startServerProcess(env());
    try {
      for (const r of results.filter((x) => x.status === 201)) {
        const res = await fetch(`${again.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: r.email, password: 'survives a crash' }),
        });
        expect(res.status).toBe(200);
      }
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });
});
