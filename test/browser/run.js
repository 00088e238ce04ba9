#!/usr/bin/env node
/**
 * `npm run test:browser`: every test/browser/*.test.js in Node's test runner, one file at a
 * time (each starts its own server and Chromium). Screenshots go to test-results/browser/screenshots.
 */
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const dir = __dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.js'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => join(dir, f));
const res = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(res.status ?? 1);
