import { execFileSync } from 'node:child_process';
import {
  PrivatePostgres,
  PrivateRedis,
  startPrivatePostgres,
  startPrivateRedis,
} from '../helpers/private-services';
import { ServerProcess, startServerProcess } from '../helpers/server-process';
import { connectSocket, TestSocket } from '../helpers/sockets';

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

async function until(
  what: string,
  ok: () => Promise<boolean> | boolean,
  seconds = 30,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`still waiting after ${seconds} s: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const threadIdOf = (p: Record<string, unknown>) => (p.thread as { id: string }).id;

/**
 * Scale-out mode on a PostgreSQL and a Redis of the test's own (initdb into a temporary
 * folder; redis-server on a free port), each stopped and started again under two running
 * Kring instances (A and B). The shared PostgreSQL and Redis are never touched.
 */
describe('faults: PostgreSQL or Redis restarted under running instances', () => {
  let pg: PrivatePostgres;
  let redis: PrivateRedis;
  let a: ServerProcess;
  let b: ServerProcess;
  let ownerToken: string;
  let memberToken: string;
  let groupId: string;
  const sockets: TestSocket[] = [];

  const ask = (title: string, on: ServerProcess = a) =>
    call(
      on.url,
      'POST',
      `/api/groups/${groupId}/threads`,
      { kind: 'question', title, body: `${title}.` },
      ownerToken,
    );
  const redisCli = (...args: string[]) =>
    execFileSync('redis-cli', ['-p', String(redis.port), ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
    const env = {
      DATABASE_URL: pg.url,
      REDIS_URL: redis.url,
      JWT_SECRET: 'restart-test-secret-0123456789',
    };
    a = await startServerProcess(env);
    b = await startServerProcess(env);
    const owner = await call(a.url, 'POST', '/api/auth/register', {
      email: 'owner@restart.example',
      password: 'outlives a restart',
      displayName: 'Restart Owner',
    });
    ownerToken = owner.body.accessToken as string;
    const member = await call(b.url, 'POST', '/api/auth/register', {
      email: 'member@restart.example',
      password: 'outlives a restart',
      displayName: 'Restart Member',
    });
    memberToken = member.body.accessToken as string;
    const group = await call(
      a.url,
      'POST',
      '/api/groups',
      {
        name: 'Restart Group',
        description: 'before, during and after',
        visibility: 'public',
        joinPolicy: 'open',
      },
      ownerToken,
    );
    groupId = group.body.id as string;
    expect((await call(b.url, 'POST', `/api/groups/${groupId}/join`, {}, memberToken)).status).toBe(
      201,
    );
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const p of [a, b])
      if (p && p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await Promise.all([a?.exited, b?.exited]);
    await redis?.stop();
    await pg?.destroy();
  });

  it('PostgreSQL: 503 while it is down, then both instances reconnect by themselves and pushes resume', async () => {
    const onB = await connectSocket(b.url, memberToken);
    sockets.push(onB);
    const before = await ask('Asked before the restart');
    expect(before.status).toBe(201);
    const seen = await onB.waitFor('question.created', (p) => threadIdOf(p) === before.body.id);

    // Stop it with posts in flight: each is either committed (201) or refused (503), never a 500.
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      call(
        a.url,
        'POST',
        `/api/groups/${groupId}/threads`,
        { kind: 'discussion', title: `In flight number ${i}`, body: 'racing the shutdown' },
        ownerToken,
      ),
    );
    await new Promise((r) => setTimeout(r, 5));
    await pg.stop();
    const raced = await Promise.all(inFlight);
    expect(raced.filter((r) => r.status !== 201 && r.status !== 503)).toEqual([]);

    await until(
      'health answers 503',
      async () => (await call(a.url, 'GET', '/api/health')).status === 503,
    );
    // While it is down: a clear 503 for reads and writes, and the processes stay up.
    const write = await ask('Asked while the database is down');
    expect(write.status).toBe(503);
    expect(write.body.message).toMatch(/database cannot take this request/);
    expect(write.body.message).toMatch(/nothing was changed/);
    expect((await call(b.url, 'GET', `/api/threads/${before.body.id as string}`)).status).toBe(503);
    expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);

    await pg.start();
    for (const p of [a, b])
      await until(
        'health answers 200',
        async () => (await call(p.url, 'GET', '/api/health')).status === 200,
      );
    // Posted on A, pushed by B to the socket that stayed connected there.
    const after = await ask('Asked after the restart');
    expect(after.status).toBe(201);
    await onB.waitFor('question.created', (p) => threadIdOf(p) === after.body.id, 20_000);

    // A client that reconnects from where it was gets everything it missed, in order.
    const resumed = await connectSocket(a.url, memberToken, {
      lastEventId: seen.eventId as number,
    });
    sockets.push(resumed);
    await resumed.waitFor('question.created', (p) => threadIdOf(p) === after.body.id);
    expect(resumed.events('question.created').map(threadIdOf)).toEqual([after.body.id]);

    // Every post acknowledged during the outage is there; nothing else is.
    const feed = await call(b.url, 'GET', `/api/groups/${groupId}/threads?limit=100`);
    const titles = (feed.body.items as { title: string }[]).map((t) => t.title);
    const committed = raced.flatMap((r, i) => (r.status === 201 ? [`In flight number ${i}`] : []));
    expect([...titles].sort()).toEqual(
      ['Asked after the restart', 'Asked before the restart', ...committed].sort(),
    );
    // Errors logged while it was down say "store unavailable"; nothing unexpected, no crash.
    expect(a.output()).toMatch(/store unavailable/);
    expect(a.output() + b.output()).not.toMatch(/unexpected error|"level":60/);
  }, 90_000);

  it('Redis: pushes go on while it is down, and both instances reconnect to it by themselves', async () => {
    const onB = await connectSocket(b.url, memberToken);
    sockets.push(onB);
    // Each instance's Socket.IO adapter listens on Redis.
    const subscribers = () =>
      Number(redisCli('PUBSUB', 'NUMSUB', 'socket.io-request#/#').trim().split('\n')[1]);
    await until('both adapters subscribed', () => subscribers() === 2);

    await redis.stop();
    const during = await ask('Asked while Redis is down');
    expect(during.status).toBe(201);
    await onB.waitFor('question.created', (p) => threadIdOf(p) === during.body.id);
    // Sign-in keeps working (rate limits fall back to per-instance counters).
    expect(
      (
        await call(a.url, 'POST', '/api/auth/login', {
          email: 'member@restart.example',
          password: 'outlives a restart',
        })
      ).status,
    ).toBe(200);

    await redis.start();
    await until('both adapters subscribed again', () => subscribers() === 2);
    const after = await ask('Asked after Redis came back', b);
    expect(after.status).toBe(201);
    await onB.waitFor('question.created', (p) => threadIdOf(p) === after.body.id);
    // Rate limits are shared through Redis again.
    expect(
      (
        await call(a.url, 'POST', '/api/auth/login', {
          email: 'member@restart.example',
          password: 'outlives a restart',
        })
      ).status,
    ).toBe(200);
    await until(
      'rate-limit counters back on Redis',
      () => redisCli('--scan', '--pattern', 'kring:rl:*').trim() !== '',
    );
    expect(a.output() + b.output()).not.toMatch(/unexpected error|"level":60/);
  }, 60_000);
});
