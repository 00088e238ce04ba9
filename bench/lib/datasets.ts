import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BULK, seedStore } from '../../scripts/seed/main';
import { say } from './report';

export interface Sizes {
  users: number;
  groups: number;
  threads: number;
  replies: number;
}

/** What `npm run seed` makes by default: seeds in about 10 s. */
export const SMALL: Sizes = {
  users: DEFAULT_BULK.users,
  groups: DEFAULT_BULK.groups,
  threads: DEFAULT_BULK.threads,
  replies: DEFAULT_BULK.replies,
};
/** The full size: 1M replies, about 70 s to seed and 2 GB on disk. */
export const FULL: Sizes = { users: 20_000, groups: 500, threads: 200_000, replies: 1_000_000 };

const CACHE = join(__dirname, '..', '.cache');

export interface Dataset {
  dataDir: string;
  sqliteFile: string;
  sizes: Sizes;
  /** Removes the data when it was made for this run only. */
  dispose(): void;
}

/**
 * A seeded SQLite store. `cache`: keep it in bench/.cache (reused by later runs, for the full
 * size); otherwise a temporary directory removed at the end. Reads never change it; writing
 * benchmarks use a temporary one.
 */
export async function seededSqlite(
  sizes: Sizes,
  opts: { cache: boolean; seed?: number },
): Promise<Dataset> {
  const seed = opts.seed ?? 1;
  const dataDir = opts.cache
    ? join(
        CACHE,
        `seed-u${sizes.users}-g${sizes.groups}-t${sizes.threads}-r${sizes.replies}-s${seed}`,
      )
    : mkdtempSync(join(tmpdir(), 'kring-bench-'));
  const sqliteFile = join(dataDir, 'kring.sqlite');
  // Written after a complete seed: a run interrupted while seeding leaves no marker and is redone.
  const marker = join(dataDir, 'seeded.json');
  if (opts.cache && existsSync(marker)) {
    say(`Using the seeded store in ${dataDir}`);
  } else {
    if (opts.cache) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    say(
      `Seeding ${sizes.users} users, ${sizes.groups} groups, ${sizes.threads} threads, ${sizes.replies} replies into ${dataDir}`,
    );
    try {
      const r = await seedStore({ kind: 'sqlite', path: sqliteFile }, { ...sizes, seed });
      say(`  seeded in ${r.seconds.toFixed(0)} s`);
      writeFileSync(
        marker,
        JSON.stringify({ ...sizes, seed, seconds: r.seconds, totals: r.totals }, null, 2),
      );
    } catch (err) {
      rmSync(dataDir, { recursive: true, force: true });
      throw err;
    }
  }
  return {
    dataDir,
    sqliteFile,
    sizes,
    dispose: () => (opts.cache ? undefined : rmSync(dataDir, { recursive: true, force: true })),
  };
}
