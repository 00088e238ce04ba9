/**
 * bench:fanout: a question posted over HTTP, and the time until the LAST of N connected members
 * has received `question.created`; compared in the same run with a bare socket.io server
 * broadcasting the same payload to the same number of clients.
 *
 *   npm run bench:fanout                               1,000 and 5,000 members, 50 questions each
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFlags } from './lib/args';
import { SocketClients } from './lib/clients';
import { communityOf } from './lib/members';
import { cpuSeconds, rssBytes, startHelper, startKring, stop } from './lib/processes';
import { distribution, Distribution, num, ratio, say, table, writeResult } from './lib/report';
import { now } from './lib/socket-clients';

const USAGE = `usage: npm run bench:fanout -- [--members 1000,5000] [--questions 50] [--warmup 3]
  --members    sizes of the audience, comma-separated (one socket per member, in their own process)
  --questions  questions per size (each waits until every member has it before the next)`;

interface Run {
  server: 'kring' | 'baseline';
  members: number;
  connectMs: number;
  /** Post to the last member's receipt, per question. */
  last: Distribution;
  /** Post to the first member's receipt. */
  first: Distribution;
  cpuUsPerDelivery: number;
  memoryKbPerConnection: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(
  url: string,
  token: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * Measures one server: connects `tokens.length` sockets, then asks `questions` questions one
 * after another through `ask` (which answers the thread id the sockets will see).
 */
async function measure(
  server: Run['server'],
  pid: number,
  url: string,
  tokens: (string | null)[],
  clients: SocketClients,
  o: { questions: number; warmup: number },
  ask: (i: number) => Promise<string>,
): Promise<Run> {
  const rss0 = rssBytes(pid);
  say(`  ${server}: connecting ${tokens.length} sockets…`);
  const c = await clients.connect(url, tokens, { concurrency: 100 });
  if (c.failed)
    throw new Error(`${c.failed} sockets could not connect to ${server}: ${c.errors.join('; ')}`);
  say(`  ${server}: ${c.connected} connected in ${(c.ms / 1000).toFixed(1)} s`);
  await sleep(1000);
  const rss1 = rssBytes(pid);
  for (let i = 0; i < o.warmup; i++) await clients.delivered(await ask(-1 - i));
  const last: number[] = [];
  const first: number[] = [];
  const cpu0 = cpuSeconds(pid);
  for (let i = 0; i < o.questions; i++) {
    const t0 = now();
    const key = await ask(i);
    const d = await clients.delivered(key);
    last.push(d.lastAt - t0);
    first.push(d.firstAt - t0);
  }
  const cpu = cpuSeconds(pid) - cpu0;
  await clients.disconnect();
  const run: Run = {
    server,
    members: tokens.length,
    connectMs: c.ms,
    last: distribution(last),
    first: distribution(first),
    cpuUsPerDelivery: (cpu * 1e6) / (o.questions * tokens.length),
    memoryKbPerConnection: (rss1 - rss0) / 1024 / tokens.length,
  };
  say(
    `  ${server}: last member after p50 ${run.last.p50.toFixed(1)} ms, p99 ${run.last.p99.toFixed(1)} ms; ${run.cpuUsPerDelivery.toFixed(1)} µs CPU per delivery`,
  );
  return run;
}

async function main(): Promise<void> {
  const o = parseFlags(
    process.argv.slice(2),
    { members: '1000,5000', questions: 50, warmup: 3 },
    USAGE,
  );
  const sizes = o.members.split(',').map(Number);
  const clients = new SocketClients();
  const runs: Run[] = [];
  try {
    for (const n of sizes) {
      say(`\n${n} members`);
      const dir = mkdtempSync(join(tmpdir(), 'kring-fanout-'));
      let template: Record<string, unknown> | null = null;
      try {
        const community = await communityOf(join(dir, 'kring.sqlite'), n);
        const kring = await startKring({ DATA_DIR: dir, DATABASE_URL: '' });
        try {
          runs.push(
            await measure(
              'kring',
              kring.child.pid!,
              kring.url,
              community.members.map((m) => m.token),
              clients,
              o,
              async (i) => {
                const r = await post(
                  `${kring.url}/api/groups/${community.groupId}/threads`,
                  community.owner.token,
                  {
                    kind: 'question',
                    title: `Fan-out question ${i}: who can review my rollout plan?`,
                    body: 'We are rolling out **feature flags** to 40 services next week.\n\n- staged\n- with a kill switch\n\nWhat did we forget?',
                    tags: ['rollout', 'feature-flags'],
                  },
                );
                if (r.status !== 201)
                  throw new Error(`posting answered ${r.status}: ${JSON.stringify(r.body)}`);
                template ??= (await (
                  await fetch(`${kring.url}/api/threads/${r.body.id as string}`)
                ).json()) as Record<string, unknown>;
                return r.body.id as string;
              },
            ),
          );
        } finally {
          await stop(kring.child);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }

      const bare = await startHelper('bare-io-server.ts', ['{port}']);
      try {
        runs.push(
          await measure(
            'baseline',
            bare.child.pid!,
            bare.url,
            Array<null>(n).fill(null),
            clients,
            o,
            async (i) => {
              // The payload Kring sends: { eventId, groupId, thread } with the thread as the API shows it.
              const thread: Record<string, unknown> = {
                ...template!,
                id: `bare-${n}-${i}`,
                title: `Fan-out question ${i}: who can review my rollout plan?`,
              };
              const r = await post(`${bare.url}/emit`, '', {
                event: 'question.created',
                payload: { groupId: thread.groupId, thread },
              });
              if (r.status !== 201) throw new Error(`bare server answered ${r.status}`);
              return thread.id as string;
            },
          ),
        );
      } finally {
        await stop(bare.child);
      }
    }
  } finally {
    await clients.exit();
  }

  const rows: (string | number)[][] = [
    [
      'members',
      'server',
      'p50 ms',
      'p99 ms',
      'first p50 ms',
      'CPU µs/delivery',
      'memory KB/conn',
      'p99 Kring / baseline',
    ],
  ];
  const summary: Record<string, unknown> = {};
  for (const n of sizes) {
    const k = runs.find((r) => r.members === n && r.server === 'kring')!;
    const b = runs.find((r) => r.members === n && r.server === 'baseline')!;
    rows.push([
      n,
      'baseline',
      b.last.p50,
      b.last.p99,
      b.first.p50,
      b.cpuUsPerDelivery,
      b.memoryKbPerConnection,
      '',
    ]);
    rows.push([
      n,
      'kring',
      k.last.p50,
      k.last.p99,
      k.first.p50,
      k.cpuUsPerDelivery,
      k.memoryKbPerConnection,
      ratio(k.last.p99, b.last.p99),
    ]);
    summary[n] = {
      kring: k,
      baseline: b,
      p99Ratio: k.last.p99 / b.last.p99,
      target: { p99RatioBelow: 1.5, met: k.last.p99 / b.last.p99 < 1.5 },
    };
  }
  const file = writeResult('fanout', { options: o, sizes: summary });
  process.stdout.write(
    `\nbench:fanout (${o.questions} questions per size; time from the POST to the last member's question.created)\n\n${table(rows)}\n\n`,
  );
  process.stdout.write('target: p99 below 1.5x the bare socket.io baseline\n');
  for (const n of sizes) {
    const s = summary[n] as { p99Ratio: number };
    process.stdout.write(
      `  ${num(n)} members: ${s.p99Ratio.toFixed(2)}x ${s.p99Ratio < 1.5 ? 'met' : 'MISSED'}\n`,
    );
  }
  process.stdout.write(`\nresults: ${file}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench:fanout: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
