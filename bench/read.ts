/**
 * bench:read: how fast Kring serves the pages people read most, against a seeded store,
 * compared in the same run with a bare node:http + better-sqlite3 server doing the same queries.
 *
 *   npm run bench:read                  small store (100k replies, seeded in ~10 s), 10 s per measurement
 *   npm run bench:read -- --full        the size: 1M replies (seeded once into bench/.cache, ~70 s)
 */
import Database from 'better-sqlite3';
import { CannonJob, CannonResult, cannon } from './lib/cannon';
import { parseFlags } from './lib/args';
import { FULL, SMALL, seededSqlite } from './lib/datasets';
import { cpuSeconds, getJson, login, startHelper, startKring, stop } from './lib/processes';
import { num, ratio, say, table, writeResult } from './lib/report';
import { SEED_PASSWORD } from '../scripts/seed/main';

const USAGE = `usage: npm run bench:read -- [--full] [--connections 50] [--seconds 10] [--warmup 3] [--rounds 1]
  --full         1M replies, 200k threads, 20k users (seeded once into bench/.cache, ~70 s, 2 GB)
  --connections  concurrent connections of the load generator (autocannon, its own process)
  --seconds      length of each measurement; --warmup: unmeasured seconds before it
  --rounds       repeat baseline/Kring pairs; the best round of each is reported`;

interface Scenario {
  name: string;
  what: string;
  requests: CannonJob['requests'];
}

async function main(): Promise<void> {
  const o = parseFlags(
    process.argv.slice(2),
    { full: false, connections: 50, seconds: 10, warmup: 3, rounds: 1 },
    USAGE,
  );
  const data = await seededSqlite(o.full ? FULL : SMALL, { cache: o.full });

  // The most-read page of a community: the largest public group's latest threads, and its busiest thread.
  const db = new Database(data.sqliteFile, { readonly: true });
  const group = db
    .prepare(
      `SELECT id, slug, member_count AS members FROM groups WHERE visibility = 'public' ORDER BY member_count DESC LIMIT 1`,
    )
    .get() as {
    id: string;
    slug: string;
    members: number;
  };
  const thread = db
    .prepare(
      `SELECT id, reply_count AS replies FROM threads WHERE group_id = ? AND deleted_at IS NULL ORDER BY reply_count DESC LIMIT 1`,
    )
    .get(group.id) as {
    id: string;
    replies: number;
  };
  const viewer = db
    .prepare(
      `SELECT u.id, u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.group_id = ? AND m.status = 'active' AND m.role = 'member' ORDER BY u.id LIMIT 1`,
    )
    .get(group.id) as { id: string; email: string };
  const counts = db
    .prepare(
      `SELECT (SELECT count(*) FROM threads) AS threads, (SELECT count(*) FROM replies) AS replies`,
    )
    .get() as { threads: number; replies: number };
  db.close();
  say(
    `Group ${group.slug} (${group.members} members), thread ${thread.id} (${thread.replies} replies), viewer ${viewer.email}`,
  );

  const raw = await startHelper('raw-read-server.ts', [data.sqliteFile, '{port}', viewer.id]);
  const kring = await startKring({ DATA_DIR: data.dataDir, DATABASE_URL: '' });
  const results: {
    scenario: string;
    server: string;
    round: number;
    r: CannonResult;
    cpuMs: number;
  }[] = [];
  try {
    const token = await login(kring.url, viewer.email, SEED_PASSWORD);
    const scenarios: Scenario[] = [
      {
        name: 'feed',
        what: 'GET /api/groups/:id/threads (latest, 20)',
        requests: [{ method: 'GET', path: `/api/groups/${group.id}/threads` }],
      },
      {
        name: 'thread',
        what: 'GET /api/threads/:id + /replies (20 answers with comments)',
        requests: [
          { method: 'GET', path: `/api/threads/${thread.id}` },
          { method: 'GET', path: `/api/threads/${thread.id}/replies?limit=20` },
        ],
      },
    ];

    // Both servers must answer the same rows, or the ratio would mean nothing.
    for (const s of scenarios) {
      for (const req of s.requests) {
        const [a, b] = await Promise.all([
          getJson<Record<string, unknown>>(raw.url + req.path),
          getJson<Record<string, unknown>>(kring.url + req.path, token),
        ]);
        if (a.status !== 200 || b.status !== 200)
          throw new Error(`${req.path}: baseline ${a.status}, Kring ${b.status}`);
        const ids = (x: Record<string, unknown>) =>
          JSON.stringify(((x.items as { id: string }[] | undefined) ?? [x]).map((i) => i.id));
        if (ids(a.body) !== ids(b.body))
          throw new Error(`${req.path}: the baseline and Kring answer different rows`);
      }
    }

    for (let round = 1; round <= o.rounds; round++) {
      for (const s of scenarios) {
        for (const [server, url, tokens, pid] of [
          ['baseline', raw.url, undefined, raw.child.pid!],
          ['kring', kring.url, [token], kring.child.pid!],
        ] as const) {
          say(
            `round ${round}/${o.rounds}: ${s.name} on ${server}, ${o.connections} connections, ${o.warmup} s warm-up + ${o.seconds} s…`,
          );
          const job = {
            url,
            connections: o.connections,
            seconds: o.seconds,
            warmupSeconds: 0,
            requests: s.requests,
            tokens: tokens ? [...tokens] : undefined,
          };
          if (o.warmup) await cannon({ ...job, seconds: o.warmup });
          const cpu0 = cpuSeconds(pid);
          const r = await cannon(job);
          // Server CPU per request: steadier than req/s when other work shares the machine.
          const cpuMs = ((cpuSeconds(pid) - cpu0) * 1000) / Math.max(1, r.requests);
          if (r.non2xx || r.errors)
            say(
              `  warning: ${r.non2xx} non-2xx answers, ${r.errors} errors (${JSON.stringify(r.statusCodes)})`,
            );
          say(
            `  ${num(r.rps)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, server CPU ${cpuMs.toFixed(2)} ms/request`,
          );
          results.push({ scenario: s.name, server, round, r, cpuMs });
        }
      }
    }

    const best = (scenario: string, server: string) =>
      results
        .filter((x) => x.scenario === scenario && x.server === server)
        .sort((a, b) => b.r.rps - a.r.rps)[0];
    const rows: (string | number)[][] = [
      [
        'scenario',
        'server',
        'req/s',
        'p50 ms',
        'p99 ms',
        'CPU ms/req',
        'non-2xx',
        'Kring / baseline (req/s)',
        '(CPU)',
      ],
    ];
    const summary: Record<string, unknown> = {};
    for (const s of scenarios) {
      const { r: b, cpuMs: bc } = best(s.name, 'baseline');
      const { r: k, cpuMs: kc } = best(s.name, 'kring');
      rows.push([
        s.name,
        'baseline',
        b.rps,
        b.latency.p50,
        b.latency.p99,
        bc,
        b.non2xx + b.errors,
        '',
        '',
      ]);
      rows.push([
        s.name,
        'kring',
        k.rps,
        k.latency.p50,
        k.latency.p99,
        kc,
        k.non2xx + k.errors,
        ratio(k.rps, b.rps),
        ratio(bc, kc),
      ]);
      summary[s.name] = {
        what: s.what,
        baseline: { ...b, cpuMsPerRequest: bc },
        kring: { ...k, cpuMsPerRequest: kc },
        ratio: k.rps / b.rps,
        cpuRatio: bc / kc,
        targets: {
          ratioAtLeast: 0.5,
          p99BelowMs: 50,
          ratioMet: k.rps / b.rps >= 0.5,
          p99Met: k.latency.p99 < 50,
        },
      };
    }
    const file = writeResult('read', {
      options: o,
      dataset: {
        ...data.sizes,
        threadsInStore: counts.threads,
        repliesInStore: counts.replies,
        group,
        thread,
      },
      scenarios: summary,
      rounds: results,
    });
    process.stdout.write(
      `\nbench:read (${num(counts.replies)} replies, ${num(counts.threads)} threads; ${o.connections} connections, ${o.seconds} s each)\n\n`,
    );
    process.stdout.write(`${table(rows)}\n\n`);
    process.stdout.write('targets: Kring >= 0.5x the baseline, p99 < 50 ms\n');
    for (const s of scenarios) {
      const x = summary[s.name] as { ratio: number; kring: CannonResult };
      process.stdout.write(
        `  ${s.name}: ${x.ratio.toFixed(2)}x ${x.ratio >= 0.5 ? 'met' : 'MISSED'}; p99 ${x.kring.latency.p99} ms ${x.kring.latency.p99 < 50 ? 'met' : 'MISSED'}\n`,
      );
    }
    process.stdout.write(`\nresults: ${file}\n`);
  } finally {
    await stop(kring.child);
    await stop(raw.child);
    data.dispose();
  }
}

main().catch((err) => {
  process.stderr.write(`bench:read: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
