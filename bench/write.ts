/**
 * bench:write: questions posted per second by concurrent authors, each a real HTTP POST with
 * a bearer token, validation, access checks, markdown rendering and one transaction, compared
 * in the same run with raw better-sqlite3 inserts of the same rows.
 *
 *   npm run bench:write                       50 authors, 10 s, on a freshly seeded small store
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_PASSWORD } from '../scripts/seed/main';
import { parseFlags } from './lib/args';
import { cannon } from './lib/cannon';
import { SMALL, seededSqlite } from './lib/datasets';
import { cpuSeconds, login, ROOT, startKring, stop } from './lib/processes';
import { distribution, num, ratio, say, table, writeResult } from './lib/report';

const USAGE = `usage: npm run bench:write -- [--authors 50] [--seconds 10] [--warmup 2]
  --authors   concurrent authors (one connection and one account each)
  --seconds   length of each measurement; --warmup: unmeasured seconds of posting before it`;

interface RawResult {
  questions: number;
  seconds: number;
  latencyMs: number[];
}

function rawInserts(
  file: string,
  seconds: number,
  groupId: string,
  authors: string[],
): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'scripts/ts-run.js'),
        join(__dirname, 'lib/raw-write.ts'),
        file,
        String(seconds),
        groupId,
        authors.join(','),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as RawResult)
        : reject(new Error(`raw-write exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const o = parseFlags(process.argv.slice(2), { authors: 50, seconds: 10, warmup: 2 }, USAGE);
  const data = await seededSqlite(SMALL, { cache: false });
  // The baseline writes into its own copy of the same store, so both start from the same size.
  const rawCopy = join(data.dataDir, 'raw-baseline.sqlite');
  copyFileSync(data.sqliteFile, rawCopy);

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
  const authors = db
    .prepare(
      `SELECT u.id, u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.group_id = ? AND m.status = 'active' ORDER BY u.id LIMIT ?`,
    )
    .all(group.id, o.authors) as { id: string; email: string }[];
  const before = (db.prepare(`SELECT count(*) AS n FROM threads`).get() as { n: number }).n;
  db.close();
  say(`Group ${group.slug} (${group.members} members), ${authors.length} authors`);

  const kring = await startKring({ DATA_DIR: data.dataDir, DATABASE_URL: '' });
  try {
    say(`Signing in ${authors.length} authors…`);
    const tokens: string[] = [];
    for (const a of authors) tokens.push(await login(kring.url, a.email, SEED_PASSWORD));

    const job = {
      url: kring.url,
      connections: authors.length,
      seconds: o.seconds,
      warmupSeconds: 0,
      tokens,
      requests: [
        {
          method: 'POST' as const,
          path: `/api/groups/${group.id}/threads`,
          body: JSON.stringify({
            kind: 'question',
            title: 'Benchmark question {n}: how do you size a connection pool?',
            body: 'We run **50 workers** and see queueing at peak.\n\nWhat pool size would you start with?',
            tags: ['bench', 'load-test'],
          }),
        },
      ],
    };
    let warmupCreated = 0;
    if (o.warmup) {
      say(`Kring: ${o.warmup} s warm-up…`);
      warmupCreated = (await cannon({ ...job, seconds: o.warmup })).statusCodes['201'] ?? 0;
    }
    say(`Kring: ${authors.length} authors posting for ${o.seconds} s…`);
    const cpu0 = cpuSeconds(kring.child.pid!);
    const k = await cannon(job);
    const kCpuMs = ((cpuSeconds(kring.child.pid!) - cpu0) * 1000) / Math.max(1, k.requests);
    const created = k.statusCodes['201'] ?? 0;
    say(
      `  ${num(created / k.seconds)} questions/s, p50 ${k.latency.p50} ms, p99 ${k.latency.p99} ms, ${k.requests - created} not 201`,
    );

    say(`Baseline: raw inserts of the same rows for ${o.seconds} s…`);
    await rawInserts(
      rawCopy,
      Math.min(o.warmup, 2) || 1,
      group.id,
      authors.map((a) => a.id),
    );
    const raw = await rawInserts(
      rawCopy,
      o.seconds,
      group.id,
      authors.map((a) => a.id),
    );
    const rawDist = distribution(raw.latencyMs);
    const rawRate = raw.questions / raw.seconds;
    say(`  ${num(rawRate)} questions/s, p99 ${rawDist.p99.toFixed(2)} ms per transaction`);

    // Every acknowledged question is in the store.
    const check = new Database(data.sqliteFile, { readonly: true });
    const after = (check.prepare(`SELECT count(*) AS n FROM threads`).get() as { n: number }).n;
    check.close();

    const kRate = created / k.seconds;
    const rows: (string | number)[][] = [
      ['', 'questions/s', 'p50 ms', 'p99 ms', 'server CPU ms/question', 'not 201'],
      ['baseline (raw inserts, 1 writer)', rawRate, rawDist.p50, rawDist.p99, '', ''],
      [
        `kring (HTTP, ${authors.length} authors)`,
        kRate,
        k.latency.p50,
        k.latency.p99,
        kCpuMs,
        k.requests - created,
      ],
    ];
    const file = writeResult('write', {
      options: o,
      dataset: data.sizes,
      group,
      kring: {
        ...k,
        questionsPerSecond: kRate,
        cpuMsPerQuestion: kCpuMs,
        acknowledged: warmupCreated + created,
        threadsBefore: before,
        threadsAfter: after,
      },
      baseline: {
        questions: raw.questions,
        seconds: raw.seconds,
        questionsPerSecond: rawRate,
        latency: { ...rawDist },
      },
      ratio: kRate / rawRate,
    });
    process.stdout.write(
      `\nbench:write (${authors.length} concurrent authors, ${o.seconds} s)\n\n${table(rows)}\n\n`,
    );
    const acknowledged = warmupCreated + created;
    process.stdout.write(`Kring / baseline: ${ratio(kRate, rawRate)}\n`);
    process.stdout.write(
      after - before === acknowledged
        ? `Every acknowledged question is stored (${num(acknowledged)} answered 201, ${num(after - before)} new threads).\n`
        : `MISMATCH: ${num(acknowledged)} answered 201 but ${num(after - before)} new threads in the store.\n`,
    );
    process.stdout.write(`\nresults: ${file}\n`);
  } finally {
    await stop(kring.child);
    rmSync(rawCopy, { force: true });
    data.dispose();
  }
}

main().catch((err) => {
  process.stderr.write(`bench:write: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
