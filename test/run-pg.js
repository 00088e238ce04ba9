#!/usr/bin/env node
/**
 * `npm run test:pg`: the same e2e suite against the real PostgreSQL on 127.0.0.1:5432.
 * Each test file creates its own database (prefix kring_test_<run>) and drops it; whatever a
 * crashed run leaves behind is dropped here at the end.
 */
const { spawnSync } = require('node:child_process');
const { Client } = require('pg');

const adminUrl = process.env.KRING_TEST_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const prefix = `kring_test_${Date.now().toString(36)}`;

async function dropLeftovers() {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

async function main() {
  const probe = new Client({ connectionString: adminUrl });
  try {
    await probe.connect();
    await probe.end();
  } catch (err) {
    console.error(`test:pg: cannot reach PostgreSQL at ${adminUrl}: ${err.message}`);
    console.error('Start it (see README, "Running on PostgreSQL") or set KRING_TEST_PG_ADMIN_URL.');
    process.exit(1);
  }
  const args = ['jest', '--config', 'jest.config.js', ...process.argv.slice(2)];
  const res = spawnSync('npx', args, {
    stdio: 'inherit',
    env: { ...process.env, KRING_TEST_PG_ADMIN_URL: adminUrl, KRING_TEST_PG_PREFIX: prefix },
  });
  await dropLeftovers();
  process.exit(res.status === null ? 1 : res.status);
}

void main();
