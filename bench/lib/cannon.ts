import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CannonRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  /** JSON text; `{n}` is replaced by a counter. */
  body?: string;
}

export interface CannonJob {
  url: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Stop after this many requests even if time is left. */
  maxRequests?: number;
  /** Each connection cycles through these in order. */
  requests: CannonRequest[];
  /** Bearer tokens, one per connection (round-robin). */
  tokens?: string[];
}

export interface CannonResult {
  requests: number;
  seconds: number;
  rps: number;
  latency: { mean: number; p50: number; p90: number; p99: number; max: number };
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const ROOT = join(__dirname, '..', '..');

/** Runs autocannon in a separate process (bench/lib/cannon-worker.ts) and answers its summary. */
export function cannon(job: CannonJob): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'scripts/ts-run.js'), join(__dirname, 'cannon-worker.ts')],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out) as CannonResult);
      } catch (err) {
        reject(err as Error);
      }
    });
    child.stdin.end(JSON.stringify(job));
  });
}
