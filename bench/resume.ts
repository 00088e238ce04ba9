/**
 * bench:resume: N members go away, K questions are asked, and all N reconnect at once with the
 * lastEventId they had: the time until every one of them has received all K missed events (in
 * order); compared in the same run with a bare socket.io server replaying K kept events to
 * each of the same number of reconnecting clients.
 *
 *   npm run bench:resume                  1,000 members, 100 missed events
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFlags } from './lib/args';
import { SocketClients } from './lib/clients';
import { communityOf } from './lib/members';
import { cpuSeconds, startHelper, startKring, stop } from './lib/processes';
import { num, ratio, say, table, writeResult } from './lib/report';

const USAGE = `usage: npm run bench:resume -- [--members 1000] [--missed 100] [--rounds 1]
  --members  sockets reconnecting at once (one member each)
  --missed   events each of them missed while away
  --rounds   repeat Kring / baseline pairs; the best round of each is reported`;

interface Run {
  server: 'kring' | 'baseline';
  round: number;
  /** From the first reconnect to the last socket's last missed event. */
  seconds: number;
  events: number;
  outOfOrder: number;
  serverCpuSeconds: number;
}

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

/** Connect, hear one event, leave, miss `missed` events, come back all at once. */
async function measure(
  server: Run['server'],
  round: number,
  pid: number,
  url: string,
  tokens: (string | null)[],
  clients: SocketClients,
  missed: number,
  ask: (i: number) => Promise<string>,
): Promise<Run> {
  const c = await clients.connect(url, tokens, { concurrency: 100 });
  if (c.failed)
    throw new Error(`${c.failed} sockets could not connect to ${server}: ${c.errors.join('; ')}`);
  await clients.delivered(await ask(-1));
  const { lastEventIds } = await clients.disconnect();
  say(
    `  ${server}: ${tokens.length} members left at event ${lastEventIds[0]}; asking ${missed} questions while they are away…`,
  );
  for (let i = 0; i < missed; i++) await ask(i);
  const cpu0 = cpuSeconds(pid);
  say(`  ${server}: ${tokens.length} members reconnect at once…`);
  const back = clients.connect(url, tokens, {
    lastEventIds,
    expectPerSocket: missed,
    concurrency: tokens.length,
  });
  const done = await clients.caughtUp(300_000);
  const conn = await back;
  if (conn.failed)
    throw new Error(
      `${conn.failed} sockets could not reconnect to ${server}: ${conn.errors.join('; ')}`,
    );
  const run: Run = {
    server,
    round,
    seconds: (done.lastAt - done.startedAt) / 1000,
    events: done.events,
    outOfOrder: done.outOfOrder,
    serverCpuSeconds: cpuSeconds(pid) - cpu0,
  };
  await clients.disconnect();
  say(
    `  ${server}: all caught up in ${run.seconds.toFixed(2)} s (${num(run.events)} events, ${run.outOfOrder} out of order)`,
  );
  return run;
}

async function main(): Promise<void> {
  const o = parseFlags(process.argv.slice(2), { members: 1000, missed: 100, rounds: 1 }, USAGE);
  const clients = new SocketClients();
  const runs: Run[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'kring-resume-'));
  try {
    const community = await communityOf(join(dir, 'kring.sqlite'), o.members);
    const kring = await startKring({ DATA_DIR: dir, DATABASE_URL: '' });
    const bare = await startHelper('bare-io-server.ts', ['{port}']);
    let template: Record<string, unknown> | null = null;
    try {
      for (let round = 1; round <= o.rounds; round++) {
        say(`\nround ${round}/${o.rounds}`);
        runs.push(
          await measure(
            'kring',
            round,
            kring.child.pid!,
            kring.url,
            community.members.map((m) => m.token),
            clients,
            o.missed,
            async (i) => {
              const r = await post(
                `${kring.url}/api/groups/${community.groupId}/threads`,
                community.owner.token,
                {
                  kind: 'question',
                  title: `Missed question ${round}.${i}: how do you run blameless post-mortems?`,
                  body: 'Our post-mortems turn into **blame sessions**. What format works for you?',
                  tags: ['incidents'],
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
        runs.push(
          await measure(
            'baseline',
            round,
            bare.child.pid!,
            bare.url,
            Array<null>(o.members).fill(null),
            clients,
            o.missed,
            async (i) => {
              const thread: Record<string, unknown> = { ...template!, id: `bare-${round}-${i}` };
              const r = await post(`${bare.url}/emit`, '', {
                event: 'question.created',
                payload: { groupId: thread.groupId, thread },
              });
              if (r.status !== 201) throw new Error(`bare server answered ${r.status}`);
              return thread.id as string;
            },
          ),
        );
      }
    } finally {
      await stop(kring.child);
      await stop(bare.child);
    }
  } finally {
    await clients.exit();
    rmSync(dir, { recursive: true, force: true });
  }

  const best = (server: string) =>
    runs.filter((r) => r.server === server).sort((a, b) => a.seconds - b.seconds)[0];
  const k = best('kring');
  const b = best('baseline');
  const rows: (string | number)[][] = [
    [
      'server',
      'members',
      'missed each',
      'all caught up (s)',
      'events/s',
      'out of order',
      'server CPU s',
      'Kring / baseline',
    ],
    [
      'baseline',
      o.members,
      o.missed,
      b.seconds,
      b.events / b.seconds,
      b.outOfOrder,
      b.serverCpuSeconds,
      '',
    ],
    [
      'kring',
      o.members,
      o.missed,
      k.seconds,
      k.events / k.seconds,
      k.outOfOrder,
      k.serverCpuSeconds,
      ratio(k.seconds, b.seconds),
    ],
  ];
  const file = writeResult('resume', {
    options: o,
    kring: k,
    baseline: b,
    ratio: k.seconds / b.seconds,
    rounds: runs,
  });
  process.stdout.write(
    `\nbench:resume (${num(o.members)} members reconnecting at once, ${o.missed} missed events each)\n\n${table(rows)}\n\nresults: ${file}\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`bench:resume: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
