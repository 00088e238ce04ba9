import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './server-process';

/**
 * PostgreSQL and Redis instances of a test's own, on free ports, to stop and restart under a
 * running server. The shared ones on 5432/6379 are never touched: other tests use them.
 */

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions)
    if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  throw new Error(
    'initdb and pg_ctl were not found under /usr/lib/postgresql/*/bin: install the PostgreSQL server package',
  );
}

export interface PrivatePostgres {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/kring */
  url: string;
  start(): Promise<void>;
  /** Fast shutdown (SIGINT to the postmaster, by its pid): open connections are terminated. */
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

/** initdb into a temporary folder and start it (as the `postgres` user when the tests run as root). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'kring-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const asRoot = userInfo().uid === 0;
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  // PostgreSQL refuses to run as root.
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args])
      : execFileSync(join(bin, cmd), args);
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const start = async () => {
    run('pg_ctl', [
      '-D',
      data,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-l',
      join(dir, 'log'),
      '-w',
      '-t',
      '30',
      'start',
    ]);
  };
  const pid = () =>
    existsSync(join(data, 'postmaster.pid'))
      ? Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
      : null;
  const stop = async () => {
    const p = pid();
    if (!p) return;
    process.kill(p, 'SIGINT');
    for (let i = 0; i < 300 && alive(p); i++) await new Promise((r) => setTimeout(r, 100));
  };
  await start();
  const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE kring');
  await admin.end();
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/kring`,
    start,
    stop,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface PrivateRedis {
  port: number;
  url: string;
  start(): Promise<void>;
  /** SIGTERM to its pid, then wait until it is gone. */
  stop(): Promise<void>;
}

/** `redis-server --port <free> --save ""`, a child of the test process. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100; i++) {
      try {
        if (
          execFileSync('redis-cli', ['-p', String(port), 'ping'], {
            stdio: ['ignore', 'pipe', 'ignore'],
          })
            .toString()
            .trim() === 'PONG'
        )
          return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server on port ${port} did not start`);
  };
  const stop = async () => {
    const c = child as ChildProcess | null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await gone;
  };
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, start, stop };
}
