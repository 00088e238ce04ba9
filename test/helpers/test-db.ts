import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Where a test file's data lives. Under `npm test`: a fresh temporary SQLite file. Under
 * `npm run test:pg` (KRING_TEST_PG_ADMIN_URL set by test/run-pg.js): a fresh PostgreSQL
 * database per test file, dropped when the file is done.
 */
export interface TestStore {
  dataDir: string;
  databaseUrl: string | null;
  kind: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

let counter = 0;

export function usingPostgres(): boolean {
  return !!process.env.KRING_TEST_PG_ADMIN_URL;
}

export async function createTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kring-test-'));
  const adminUrl = process.env.KRING_TEST_PG_ADMIN_URL;
  if (!adminUrl) {
    return {
      dataDir,
      databaseUrl: null,
      kind: 'sqlite',
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const prefix = process.env.KRING_TEST_PG_PREFIX ?? 'kring_test';
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    kind: 'postgres',
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
