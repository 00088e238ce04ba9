/**
 * `npm run seed -- [--users N] [--groups N] [--threads N] [--replies N] [--votes N] [--seed N]`
 * fills the configured store (DATA_DIR's SQLite file, or DATABASE_URL) with a generated
 * community; `npm run seed -- --demo` with a small hand-written one. See README, "Performance".
 */
import * as argon2 from 'argon2';
import { createHash } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config/config';
import { BulkOptions, BulkResult, seedBulk, SEEDED_TABLES, seededEmail } from './bulk';
import { DEMO_GROUPS, DEMO_PASSWORD, DEMO_THREADS, DEMO_USERS, demoEmail } from './demo-content';
import { seedDemo } from './demo';
import { formatCount, Progress } from './progress';
import { openStore, SeedStore, StoreTarget } from './store';

/** Every seeded user signs in with this password (benchmarks and demos log in with it). */
export const SEED_PASSWORD = 'kring-seed-password';

const USAGE = `usage: npm run seed -- [--users N] [--groups N] [--threads N] [--replies N] [--votes N]
                        [--seed N] [--until ISO-date|now] [--days N] [--quiet]
       npm run seed -- --demo

Fills the store the server is configured for (DATA_DIR, default ./data; or DATABASE_URL)
after applying the migrations. The store must be empty. Defaults: --users 2000 --groups 50
--threads 20000 --replies 100000 --seed 1 --until 2026-11-01 --days 730.
Full size: --users 20000 --groups 500 --threads 200000 --replies 1000000.`;

export const DEFAULT_BULK = {
  users: 2000,
  groups: 50,
  threads: 20_000,
  replies: 100_000,
  seed: 1,
  until: new Date('2026-11-01T00:00:00Z'),
  days: 730,
};

class UsageError extends Error {}

function parseArgs(argv: string[]): {
  demo: boolean;
  quiet: boolean;
  bulk: Omit<BulkOptions, 'passwordHash'>;
} {
  const bulk: Omit<BulkOptions, 'passwordHash'> = { ...DEFAULT_BULK };
  let demo = false;
  let quiet = false;
  const whole = (flag: string, v: string | undefined, min: number) => {
    if (v === undefined || !/^\d+$/.test(v) || Number(v) < min)
      throw new UsageError(`${flag} needs a whole number >= ${min} (got ${v ?? 'nothing'})`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    switch (flag) {
      case '--demo':
        demo = true;
        break;
      case '--quiet':
        quiet = true;
        break;
      case '--users':
        bulk.users = whole(flag, value(), 1);
        break;
      case '--groups':
        bulk.groups = whole(flag, value(), 1);
        break;
      case '--threads':
        bulk.threads = whole(flag, value(), 0);
        break;
      case '--replies':
        bulk.replies = whole(flag, value(), 0);
        break;
      case '--votes':
        bulk.votes = whole(flag, value(), 0);
        break;
      case '--seed':
        bulk.seed = whole(flag, value(), 0);
        break;
      case '--days':
        bulk.days = whole(flag, value(), 1);
        break;
      case '--until': {
        const v = value();
        const d = v === 'now' ? new Date() : new Date(v ?? '');
        if (Number.isNaN(d.getTime()))
          throw new UsageError(`--until needs an ISO date or "now" (got ${v ?? 'nothing'})`);
        bulk.until = d;
        break;
      }
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  return { demo, quiet, bulk };
}

/**
 * The server's parameters (argon2id, 19 MiB, 2 passes; verification reads them from the hash).
 * With `seed`, the salt comes from it, so a seeded store is the same byte for byte each time.
 */
async function hashPassword(password: string, seed?: number): Promise<string> {
  const salt =
    seed === undefined
      ? undefined
      : createHash('sha256').update(`kring-seed-${seed}`).digest().subarray(0, 16);
  return argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
    ...(salt ? { salt } : {}),
  });
}

/** The store already holds data: the seeder never mixes generated rows with real ones. */
class RefusedError extends Error {}

async function isDemoPresent(store: SeedStore): Promise<boolean> {
  return !!(await store.scalar<number>('SELECT count(*) FROM users WHERE email = $1', [
    demoEmail(DEMO_USERS[0].key),
  ]));
}

async function refuseNonEmpty(store: SeedStore): Promise<void> {
  const users = await store.count('users');
  if (!users) return;
  throw new RefusedError(
    `${store.where} already holds ${formatCount(users)} users: the seeder only fills an empty store, so it never mixes with real data.\n` +
      'Point DATA_DIR (or DATABASE_URL) at a new location, or remove the existing store first.',
  );
}

/** Opens the store (migrations applied), runs `fill` in one transaction and commits, rebuilding the dropped indexes. */
async function inTransaction<T>(
  target: StoreTarget,
  tables: string[],
  progress: Progress,
  /** Runs before anything is changed; answering false ends the seed without a change. */
  ready: (store: SeedStore) => Promise<boolean>,
  fill: (store: SeedStore) => Promise<T>,
): Promise<T | null> {
  const store = await openStore(target, (line) => progress.note(`  migrations: ${line}`));
  try {
    if (!(await ready(store))) return null;
    await store.begin(tables);
    try {
      const result = await fill(store);
      const t0 = Date.now();
      if (tables.length) progress.note('  rebuilding indexes…');
      await store.commit();
      if (tables.length)
        progress.note(`  indexes rebuilt in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return result;
    } catch (err) {
      await store.rollback();
      throw err;
    }
  } finally {
    await store.close();
  }
}

export interface SeedResult extends BulkResult {
  /** The printable rows-per-table summary. */
  summary: string;
}

/** Seeds `target` with a generated community (`npm run seed`; the benchmarks call it directly). */
export async function seedStore(
  target: StoreTarget,
  options: Partial<Omit<BulkOptions, 'passwordHash'>> = {},
  opts: { quiet?: boolean } = {},
): Promise<SeedResult> {
  const progress = new Progress(process.stderr, opts.quiet);
  const o: BulkOptions = {
    ...DEFAULT_BULK,
    ...options,
    passwordHash: await hashPassword(SEED_PASSWORD, options.seed ?? DEFAULT_BULK.seed),
  };
  const result = await inTransaction(
    target,
    SEEDED_TABLES,
    progress,
    async (store) => {
      await refuseNonEmpty(store);
      return true;
    },
    (store) => seedBulk(store, o, progress),
  );
  return {
    ...result!,
    totals: progress.totals(),
    seconds: progress.elapsedSeconds(),
    summary: progress.summaryTable(),
  };
}

/** The demo community; answers false (and changes nothing) when it is already there. */
export async function seedDemoStore(
  target: StoreTarget,
  opts: { quiet?: boolean } = {},
): Promise<{ added: boolean; summary: string }> {
  const progress = new Progress(process.stderr, opts.quiet);
  const hash = await hashPassword(DEMO_PASSWORD);
  const added = await inTransaction(
    target,
    [],
    progress,
    async (store) => {
      if (await isDemoPresent(store)) return false;
      await refuseNonEmpty(store);
      return true;
    },
    async (store) => {
      await seedDemo(store, hash, Date.now(), progress);
      return true;
    },
  );
  return { added: !!added, summary: progress.summaryTable() };
}

async function main(): Promise<void> {
  const { demo, quiet, bulk } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const where =
    config.database.kind === 'sqlite'
      ? `SQLite ${config.database.path}`
      : 'PostgreSQL (DATABASE_URL)';
  const login = demoEmail(DEMO_USERS[0].key);

  if (demo) {
    say(`Seeding the demo community into ${where}`);
    const { added, summary } = await seedDemoStore(config.database, { quiet });
    if (!added) {
      say(
        `The demo community is already there: nothing to do. Sign in as ${login} / ${DEMO_PASSWORD}.`,
      );
      return;
    }
    say(`\n${summary}\n`);
    say(
      `Demo ready: ${DEMO_USERS.length} people, ${DEMO_GROUPS.length} groups, ${DEMO_THREADS.length} threads.`,
    );
    say(`Start the server (npm start) and sign in as ${login} / ${DEMO_PASSWORD}`);
    say(`(every demo user, e.g. ${demoEmail(DEMO_USERS[2].key)}, has the same password).`);
    return;
  }

  say(
    `Seeding ${where}: ${formatCount(bulk.users)} users, ${formatCount(bulk.groups)} groups, ${formatCount(bulk.threads)} threads, ` +
      `${formatCount(bulk.replies)} replies (seed ${bulk.seed})`,
  );
  const result = await seedStore(config.database, bulk, { quiet });
  say(`\n${result.summary}\n`);
  say(
    `Largest group: ${result.largestGroup.slug} (${formatCount(result.largestGroup.memberCount)} members)`,
  );
  say(
    `Busiest thread there: /api/threads/${result.busiestThread.id} (${result.busiestThread.answers} answers)`,
  );
  say(
    `Sign in as ${seededEmail(1)} … ${seededEmail(bulk.users)} with the password ${SEED_PASSWORD}`,
  );
}

// Run as a program (scripts/ts-run.js sets argv[1] to this file), not when a benchmark imports it.
if (process.argv[1] === __filename) {
  main().catch((err) => {
    if (err instanceof UsageError) {
      process.stderr.write(err.message ? `seed: ${err.message}\n\n${USAGE}\n` : `${USAGE}\n`);
      process.exit(err.message ? 2 : 0);
    }
    if (err instanceof RefusedError) {
      process.stderr.write(`seed: ${err.message}\n`);
      process.exit(1);
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`seed: invalid configuration: ${err.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`seed: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
