import { startPrivatePostgres, PrivatePostgres } from '../helpers/private-services';
import { ServerProcess, startServerProcess } from '../helpers/server-process';

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

async function until(what: string, ok: () => Promise<boolean>, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`still waiting after ${seconds} s: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Scale-out mode on a PostgreSQL of the test's own (initdb in a temporary folder, another
 * port), stopped and started again under a running Kring instance.
 */
describe('faults: PostgreSQL restarted under a running instance', () => {
  let pg: PrivatePostgres;
  let server: ServerProcess;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
    server = await startServerProcess({
      DATABASE_URL: pg.url,
      JWT_SECRET: 'restart-test-secret-0123456789',
    });
  }, 60_000);
  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await pg?.destroy();
  });

  it('answers 503 while the database is down and reconnects by itself when it is back', async () => {
    const reg = await call(server.url, 'POST', '/api/auth/register', {
      email: 'restart@example.org',
      password: 'outlives a restart',
      displayName: 'Restart Tester',
    });
    expect(reg.status).toBe(201);
    const token = reg.body.accessToken as string;
    const group = await call(
      server.url,
      'POST',
      '/api/groups',
      {
        name: 'Restart Group',
        description: 'before, during and after',
        visibility: 'public',
        joinPolicy: 'open',
      },
      token,
    );
    const groupId = group.body.id as string;
    const before = await call(
      server.url,
      'POST',
      `/api/groups/${groupId}/threads`,
      { kind: 'question', title: 'Asked before the restart', body: 'first' },
      token,
    );
    expect(before.status).toBe(201);

    // Stop it with posts in flight: each is either committed (201) or refused (503), never a 500.
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      call(
        server.url,
        'POST',
        `/api/groups/${groupId}/threads`,
        { kind: 'discussion', title: `In flight number ${i}`, body: 'racing the shutdown' },
        token,
      ),
    );
    await new Promise((r) => setTimeout(r, 5));
    await pg.stop();
    const raced = await Promise.all(inFlight);
    expect(raced.filter((r) => r.status !== 201 && r.status !== 503)).toEqual([]);
    await until(
      'health answers 503',
      async () => (await call(server.url, 'GET', '/api/health')).status === 503,
    );
    // While it is down: a clear 503 for reads and writes, never a 500, and the process stays up.
    const write = await call(
      server.url,
      'POST',
      `/api/groups/${groupId}/threads`,
      { kind: 'question', title: 'Asked while the database is down', body: 'lost?' },
      token,
    );
    expect(write.status).toBe(503);
    expect(write.body.message).toMatch(/database cannot take this request/);
    expect(write.body.message).toMatch(/nothing was changed/);
    const read = await call(server.url, 'GET', `/api/threads/${before.body.id as string}`);
    expect(read.status).toBe(503);
    expect(server.child.exitCode).toBeNull();

    await pg.start();
    await until(
      'health answers 200',
      async () => (await call(server.url, 'GET', '/api/health')).status === 200,
    );
    const after = await call(
      server.url,
      'POST',
      `/api/groups/${groupId}/threads`,
      { kind: 'question', title: 'Asked after the restart', body: 'second' },
      token,
    );
    expect(after.status).toBe(201);
    const feed = await call(server.url, 'GET', `/api/groups/${groupId}/threads?limit=100`);
    const titles = (feed.body.items as { title: string }[]).map((t) => t.title);
    const committed = raced.flatMap((r, i) => (r.status === 201 ? [`In flight number ${i}`] : []));
    expect([...titles].sort()).toEqual(
      ['Asked after the restart', 'Asked before the restart', ...committed].sort(),
    );
    // Errors logged while it was down say "store unavailable"; nothing unexpected, no crash.
    expect(server.output()).toMatch(/store unavailable/);
    expect(server.output()).not.toMatch(/unexpected error|"level":60/);
  }, 90_000);
});
