/**
 * npm run load: a mixed workload against one Kring process (its own, on a freshly seeded
 * store): N signed-in clients, each with a Socket.IO connection open, browsing group feeds and
 * their own feed, reading threads, voting, replying and asking questions, back to back, for a
 * while. Reports throughput, latency percentiles per action and the 5xx count (expected: 0).
 *
 *   npm run load                                  200 clients, 60 s, SQLite
 *   npm run load -- --clients 50 --seconds 20     smaller
 *   npm run load -- --pg                          on a fresh database on the PostgreSQL at 127.0.0.1:5432
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
import { SEED_PASSWORD, seedStore } from '../scripts/seed/main';
import { parseFlags } from './lib/args';
import { SocketClients } from './lib/clients';
import { SMALL, seededSqlite } from './lib/datasets';
import { cpuSeconds, login, startKring, stop } from './lib/processes';
import { summarize } from './lib/profile-summary';
import { distribution, num, RESULTS_DIR, say, table, writeResult } from './lib/report';
import { now } from './lib/socket-clients';

const USAGE = `usage: npm run load -- [--clients 200] [--seconds 60] [--think-ms 0] [--no-sockets] [--pg]
  --clients     concurrent signed-in clients (each also holds a Socket.IO connection)
  --seconds     how long the load runs
  --think-ms    pause up to this long (random) between a client's requests; 0: back to back
  --no-sockets  HTTP only
  --profile     sample the server's CPU during the run: writes bench/results/load-<time>.cpuprofile and prints where the time went
  --pg          run Kring on a fresh database on PostgreSQL (KRING_LOAD_PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres)`;

interface Answer {
  status: number;
  body: unknown;
}

interface VirtualUser {
  token: string;
  userId: string;
  groups: string[];
  threads: string[];
  replies: string[];
}

interface Action {
  name: string;
  weight: number;
  run(u: VirtualUser, rnd: () => number): Promise<Answer>;
}

async function main(): Promise<void> {
  const o = parseFlags(
    process.argv.slice(2),
    { clients: 200, seconds: 60, thinkMs: 0, noSockets: false, pg: false, profile: false },
    USAGE,
  );

  // ---- the store and the server ---------------------------------------------------------------
  let databaseUrl = '';
  let dropDatabase = async () => undefined as void;
  const data = await (async () => {
    if (!o.pg) return seededSqlite(SMALL, { cache: false });
    const admin =
      process.env.KRING_LOAD_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `kring_load_${Date.now().toString(36)}`;
    const c = new Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const d = new Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    };
    say(`Seeding ${databaseUrl}…`);
    await seedStore({ kind: 'postgres', url: databaseUrl }, SMALL);
    return null;
  })();

  // The most active members of public groups play the clients.
  const people = await (async () => {
    const sql = `SELECT u.id, u.email, (SELECT count(*) FROM memberships x WHERE x.user_id = u.id AND x.status = 'active') AS n
                   FROM users u WHERE EXISTS (SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id WHERE m.user_id = u.id AND m.status = 'active' AND g.visibility = 'public')
                  ORDER BY n DESC, u.id LIMIT ${Number(o.clients)}`;
    const groupsSql = `SELECT m.user_id, m.group_id FROM memberships m JOIN groups g ON g.id = m.group_id WHERE m.status = 'active' AND g.visibility = 'public'`;
    let users: { id: string; email: string }[];
    let rows: { user_id: string; group_id: string }[];
    if (data) {
      const db = new Database(data.sqliteFile, { readonly: true });
      users = db.prepare(sql).all() as typeof users;
      rows = db.prepare(groupsSql).all() as typeof rows;
      db.close();
    } else {
      const c = new Client({ connectionString: databaseUrl });
      await c.connect();
      users = (await c.query(sql)).rows as typeof users;
      rows = (await c.query(groupsSql)).rows as typeof rows;
      await c.end();
    }
    const groupsOf = new Map<string, string[]>();
    for (const r of rows) groupsOf.set(r.user_id, [...(groupsOf.get(r.user_id) ?? []), r.group_id]);
    return users.map((u) => ({ ...u, groups: groupsOf.get(u.id) ?? [] }));
  })();

  const profileFile = join(
    RESULTS_DIR,
    `load-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`,
  );
  if (o.profile) mkdirSync(RESULTS_DIR, { recursive: true });
  const kring = await startKring({
    DATA_DIR: data?.dataDir ?? '/tmp',
    DATABASE_URL: databaseUrl,
    ...(o.profile
      ? {
          NODE_OPTIONS: `--require ${join(__dirname, 'lib/profiler-preload.js')}${process.env.KRING_EXTRA_PRELOAD ? ` --require ${process.env.KRING_EXTRA_PRELOAD}` : ''}`,
          KRING_PROFILE_FILE: profileFile,
        }
      : {}),
  });
  const clients = o.noSockets ? null : new SocketClients();
  const agent = new Agent({ keepAlive: true, maxSockets: o.clients + 10 });
  const host = new URL(kring.url);

  const call = (method: string, path: string, token: string, body?: unknown): Promise<Answer> =>
    new Promise((resolve) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        {
          host: host.hostname,
          port: host.port,
          method,
          path,
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
              : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => {
            let parsed: unknown = null;
            try {
              parsed = JSON.parse(text);
            } catch {
              /* not JSON */
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve({ status: 0, body: null }));
      req.end(payload);
    });

  const remember = (list: string[], ids: string[]) => {
    for (const id of ids) if (!list.includes(id)) list.push(id);
    if (list.length > 50) list.splice(0, list.length - 50);
  };
  const pick = <T>(list: T[], rnd: () => number): T | undefined =>
    list[Math.floor(rnd() * list.length)];
  const items = (a: Answer) =>
    ((a.body as { items?: { id: string }[] } | null)?.items ?? []).map((x) => x.id);

  let n = 0;
  const actions: Action[] = [
    {
      name: 'browse a group feed',
      weight: 30,
      run: async (u, rnd) => {
        const sort = pick(['latest', 'latest', 'active', 'top', 'unanswered'], rnd);
        const a = await call(
          'GET',
          `/api/groups/${pick(u.groups, rnd)}/threads?sort=${sort}`,
          u.token,
        );
        remember(u.threads, items(a).slice(0, 10));
        return a;
      },
    },
    {
      name: 'read a thread and its replies',
      weight: 25,
      run: async (u, rnd) => {
        const id = pick(u.threads, rnd);
        if (!id) return call('GET', `/api/groups/${pick(u.groups, rnd)}/threads`, u.token);
        const t = await call('GET', `/api/threads/${id}`, u.token);
        if (t.status !== 200) return t;
        const r = await call('GET', `/api/threads/${id}/replies?limit=20`, u.token);
        remember(u.replies, items(r).slice(0, 5));
        return r;
      },
    },
    { name: 'own feed', weight: 10, run: (u) => call('GET', '/api/me/feed', u.token) },
    {
      name: 'notifications',
      weight: 5,
      run: (u) => call('GET', '/api/me/notifications?unread=true', u.token),
    },
    {
      name: 'vote',
      weight: 12,
      run: (u, rnd) => {
        const reply = rnd() < 0.5 ? pick(u.replies, rnd) : undefined;
        const thread = pick(u.threads, rnd);
        const value = rnd() < 0.85 ? 1 : -1;
        if (reply) return call('PUT', `/api/replies/${reply}/vote`, u.token, { value });
        if (thread) return call('PUT', `/api/threads/${thread}/vote`, u.token, { value });
        return call('GET', '/api/me/feed', u.token);
      },
    },
    {
      name: 'reply',
      weight: 10,
      run: async (u, rnd) => {
        const thread = pick(u.threads, rnd);
        if (!thread) return call('GET', '/api/me/feed', u.token);
        const a = await call('POST', `/api/threads/${thread}/replies`, u.token, {
          body: `We had the same problem; what fixed it was **measuring first** (${++n}).`,
        });
        return a;
      },
    },
    {
      name: 'ask a question',
      weight: 8,
      run: async (u, rnd) => {
        const a = await call('POST', `/api/groups/${pick(u.groups, rnd)}/threads`, u.token, {
          kind: 'question',
          title: `Load test question ${++n}: how do you keep on-call sane?`,
          body: 'Our rotation is **six people** and pages wake someone up twice a week.\n\nWhat changed things for you?',
          tags: ['on-call', 'load'],
        });
        const id = (a.body as { id?: string } | null)?.id;
        if (id) remember(u.threads, [id]);
        return a;
      },
    },
  ];
  const totalWeight = actions.reduce((s, a) => s + a.weight, 0);

  const latencies = new Map<string, number[]>(actions.map((a) => [a.name, []]));
  const statuses = new Map<string, Map<number, number>>(actions.map((a) => [a.name, new Map()]));
  let serverCpu: number;
  let sockets: { connected: number; received: number } | null = null;
  try {
    say(`Signing in ${people.length} clients…`);
    const users: VirtualUser[] = [];
    for (let i = 0; i < people.length; i += 8) {
      const batch = people.slice(i, i + 8);
      const tokens = await Promise.all(batch.map((p) => login(kring.url, p.email, SEED_PASSWORD)));
      batch.forEach((p, j) =>
        users.push({ token: tokens[j], userId: p.id, groups: p.groups, threads: [], replies: [] }),
      );
    }
    if (clients) {
      const c = await clients.connect(
        kring.url,
        users.map((u) => u.token),
        { concurrency: 50 },
      );
      say(
        `${c.connected} sockets connected${c.failed ? `, ${c.failed} failed: ${c.errors.join('; ')}` : ''}`,
      );
      sockets = { connected: c.connected, received: 0 };
    }

    say(
      `${users.length} clients for ${o.seconds} s${o.thinkMs ? `, thinking up to ${o.thinkMs} ms between requests` : ', back to back'}…`,
    );
    const cpu0 = cpuSeconds(kring.child.pid!);
    const started = now();
    const end = started + o.seconds * 1000;
    let done = 0;
    const ticker = setInterval(
      () => say(`  ${Math.round((now() - started) / 1000)} s: ${num(done)} actions`),
      10_000,
    );
    await Promise.all(
      users.map(async (u, i) => {
        // Each client draws from its own sequence, so runs are comparable.
        let state = (i + 1) * 2654435761;
        const rnd = () =>
          (state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 4294967296;
        while (now() < end) {
          let r = rnd() * totalWeight;
          const action = actions.find((a) => (r -= a.weight) < 0) ?? actions[0];
          const t0 = now();
          const a = await action.run(u, rnd);
          latencies.get(action.name)!.push(now() - t0);
          const s = statuses.get(action.name)!;
          s.set(a.status, (s.get(a.status) ?? 0) + 1);
          done++;
          if (o.thinkMs) await new Promise((res) => setTimeout(res, rnd() * o.thinkMs));
        }
      }),
    );
    clearInterval(ticker);
    const elapsed = (now() - started) / 1000;
    serverCpu = cpuSeconds(kring.child.pid!) - cpu0;
    if (o.profile) {
      kring.child.kill('SIGUSR2');
      for (let i = 0; i < 100 && !existsSync(profileFile); i++)
        await new Promise((r) => setTimeout(r, 100));
    }
    if (clients && sockets) sockets.received = (await clients.disconnect()).received;
    const health = await call('GET', '/api/health', users[0].token);

    // ---- report ----------------------------------------------------------------------------
    const all = [...latencies.values()].flat();
    const count = (f: (code: number) => boolean) =>
      [...statuses.values()].reduce(
        (sum, m) => sum + [...m].filter(([c]) => f(c)).reduce((x, [, v]) => x + v, 0),
        0,
      );
    const fiveXX = count((c) => c >= 500);
    const failed = count((c) => c === 0);
    const rows: (string | number)[][] = [
      ['action', 'count', 'per s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'answers'],
    ];
    for (const a of actions) {
      const d = distribution(latencies.get(a.name)!);
      const codes = [...statuses.get(a.name)!]
        .sort(([x], [y]) => x - y)
        .map(([c, v]) => `${c || 'failed'}: ${v}`)
        .join(', ');
      rows.push([a.name, d.count, d.count / elapsed, d.p50, d.p90, d.p99, d.max, codes]);
    }
    const total = distribution(all);
    rows.push([
      'all',
      total.count,
      total.count / elapsed,
      total.p50,
      total.p90,
      total.p99,
      total.max,
      '',
    ]);
    const unexpected = kring
      .output()
      .split('\n')
      .filter((l) => /unexpected error|"level":60/.test(l));
    const file = writeResult('load', {
      options: o,
      store: o.pg ? 'postgres' : 'sqlite',
      seconds: elapsed,
      actions: Object.fromEntries(
        actions.map((a) => [
          a.name,
          {
            ...distribution(latencies.get(a.name)!),
            statuses: Object.fromEntries(statuses.get(a.name)!),
          },
        ]),
      ),
      total: { ...total, perSecond: total.count / elapsed },
      fiveXX,
      failed,
      serverCpuSeconds: serverCpu,
      sockets,
      healthAfter: health.status,
      unexpectedServerErrors: unexpected.length,
    });
    process.stdout.write(
      `\nnpm run load (${users.length} clients, ${elapsed.toFixed(0)} s, ${o.pg ? 'PostgreSQL' : 'SQLite'}${o.thinkMs ? `, think time up to ${o.thinkMs} ms` : ', back to back'})\n\n${table(rows)}\n\n`,
    );
    process.stdout.write(
      `throughput: ${num(total.count / elapsed)} actions/s (a thread read is two requests); server CPU ${serverCpu.toFixed(1)} s of ${elapsed.toFixed(0)} s\n`,
    );
    if (sockets)
      process.stdout.write(
        `sockets: ${sockets.connected} connected throughout, ${num(sockets.received)} question.created pushes received\n`,
      );
    process.stdout.write(
      `5xx answers: ${fiveXX} (expected 0); requests that got no answer: ${failed}; health after: ${health.status}; unexpected errors in the server log: ${unexpected.length}\n`,
    );
    if (o.profile && existsSync(profileFile)) {
      process.stdout.write(
        `\nwhere the server's CPU went (whole run, sign-in included):\n${summarize(JSON.parse(readFileSync(profileFile, 'utf8')), 15)}\n\nprofile: ${profileFile}\n`,
      );
    }
    process.stdout.write(`\nresults: ${file}\n`);
    if (fiveXX || failed || unexpected.length) process.exitCode = 1;
  } finally {
    await clients?.exit();
    agent.destroy();
    await stop(kring.child);
    data?.dispose();
    await dropDatabase();
  }
}

main().catch((err) => {
  process.stderr.write(`load: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
