import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, ServerProcess, startServerProcess } from '../../test/helpers/server-process';

export const ROOT = join(__dirname, '..', '..');
export const JWT_SECRET = 'kring-bench-secret-0123456789';

/**
 * Kring as `npm start` runs it (`node dist/main.js`, built beforehand by the npm script), on
 * 127.0.0.1. Logs at warn: at info every request writes two JSON lines, which is not what is
 * being measured.
 */
export function startKring(env: Record<string, string>): Promise<ServerProcess> {
  return startServerProcess({
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    SERVE_WEB: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
}

/** A TypeScript helper process (bench/lib/*.ts) that prints `listening <port>` when ready. */
export async function startHelper(
  script: string,
  args: string[],
): Promise<{ child: ChildProcess; url: string; port: number }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'scripts/ts-run.js'),
      join(__dirname, script),
      ...args.map((a) => a.replace('{port}', String(port))),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 30 s`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, port };
}

/** SIGTERM, then SIGKILL after 10 s; resolves when the process is gone. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

/** CPU time (user + system) a process has used so far, in seconds (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime), counted from after the command name; 100 ticks per second.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of a process, in bytes (Linux /proc). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** Signs in over HTTP with a password; answers the access token. */
export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function getJson<T>(
  url: string,
  token?: string,
): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as T };
}
