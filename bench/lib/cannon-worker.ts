/**
 * The load generator of bench:read and bench:write, run as a process of its own (never inside
 * the server under test). Reads a CannonJob as JSON on stdin, runs autocannon (an optional
 * warm-up first, discarded), prints a CannonResult as JSON on stdout.
 */
import autocannon from 'autocannon';
import type { CannonJob, CannonResult } from './cannon';

async function readStdin(): Promise<string> {
  let s = '';
  for await (const chunk of process.stdin) s += chunk;
  return s;
}

function run(job: CannonJob, seconds: number): Promise<autocannon.Result> {
  let n = 0;
  let client = 0;
  const requests = job.requests.map((r) => ({
    method: r.method,
    path: r.path,
    headers: { 'content-type': 'application/json', ...(r.headers ?? {}) },
    ...(r.body === undefined ? {} : { body: r.body }),
    // A body with {n} gets a fresh number each time (distinct titles for posted questions).
    ...(r.body?.includes('{n}')
      ? {
          setupRequest: (req: autocannon.Request) => ({
            ...req,
            body: r.body!.replace(/\{n\}/g, String(++n)),
          }),
        }
      : {}),
  }));
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: seconds,
        amount: job.maxRequests,
        timeout: 30,
        requests: requests as autocannon.Request[],
        // Each connection acts as one signed-in user (tokens[i] for connection i).
        setupClient: job.tokens?.length
          ? (c: autocannon.Client) => {
              const token = job.tokens![client++ % job.tokens!.length];
              c.setRequests(
                requests.map((r) => ({
                  ...r,
                  headers: { ...r.headers, authorization: `Bearer ${token}` },
                })) as autocannon.Request[],
              );
            }
          : undefined,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

async function main(): Promise<void> {
  const job = JSON.parse(await readStdin()) as CannonJob;
  if (job.warmupSeconds > 0) await run({ ...job, maxRequests: undefined }, job.warmupSeconds);
  const r = await run(job, job.seconds);
  const codes: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {}))
    codes[code] = Number((v as { count: number }).count);
  const out: CannonResult = {
    requests: r.requests.total,
    seconds: r.duration,
    rps: r.requests.total / r.duration,
    latency: {
      mean: r.latency.mean,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
    },
    statusCodes: codes,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
  process.stderr.write(`cannon-worker: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
