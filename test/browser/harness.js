// @ts-check
/**
 * Browser-test harness: a real Kring server process (built dist/, web client served, fresh
 * DATA_DIR, free port) and Debian's Chromium driven by playwright-core. Test data is made
 * through the HTTP API (fast); what a test is about is done in the browser.
 */
const { spawn } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { connect, createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const root = join(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOTS = join(root, 'test-results/browser/screenshots');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `node dist/main.js` and waits until /api/health answers.
 * @returns {Promise<Server>}
 */
async function startServer() {
  for (const file of ['dist/main.js', 'dist/web/index.html']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm run test:browser does)`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kring-browser-'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [join(root, 'dist/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SERVE_WEB: 'true',
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      JWT_SECRET: 'browser-tests-only-secret-0123456789',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start within 30 s:\n${output}`);
    await sleep(200);
  }
  const doc = await (await fetch(`${url}/api/docs-json`)).json();
  const routes = new Set();
  for (const [path, ops] of Object.entries(doc.paths)) for (const m of Object.keys(ops)) routes.add(`${m.toUpperCase()} ${path}`);
  const realtime = (await fetch(`${url}/socket.io/?EIO=4&transport=polling`)).status !== 404;
  return {
    url,
    routes,
    realtime,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * @typedef {{ url: string, routes: Set<string>, realtime: boolean, output(): string, stop(): Promise<void> }} Server
 */

/**
 * What a scenario needs from the server that may not be merged yet; returns a reason to skip, or null.
 * @param {Server} server
 * @param {string[]} routes e.g. 'POST /api/groups'
 * @param {{ realtime?: boolean }} [opts]
 */
function missing(server, routes, opts = {}) {
  const absent = routes.filter((r) => !server.routes.has(r));
  if (opts.realtime && !server.realtime) absent.push('Socket.IO at /socket.io');
  return absent.length ? `the server does not have ${absent.join(', ')} yet` : null;
}

/**
 * A TCP proxy in front of the server, so a test can cut the browser's network (every open
 * connection dropped, new ones refused) and restore it, like a train going through a tunnel.
 * @param {Server} server
 */
async function networkProxy(server) {
  const target = new URL(server.url);
  const sockets = new Set();
  let up = true;
  const proxy = createServer((client) => {
    if (!up) return client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ]) {
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => b.destroy());
      sockets.add(a);
      a.on('close', () => sockets.delete(a));
    }
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(undefined)));
  const addr = proxy.address();
  return {
    url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    cut() {
      up = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      up = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve(undefined));
      }),
  };
}

async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A JSON API client for setting up test data. */
function apiClient(server) {
  /**
   * @param {string} method
   * @param {string} path
   * @param {{ token?: string, body?: unknown, expect?: number }} [opts]
   */
  return async function call(method, path, opts = {}) {
    const headers = { accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await fetch(server.url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (opts.expect ? res.status !== opts.expect : !res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return data;
  };
}

let userCounter = 0;

/** Registers a user through the API. */
async function newUser(server, displayName) {
  userCounter++;
  const call = apiClient(server);
  const email = `browser${userCounter}.${Date.now().toString(36)}@example.org`;
  const password = 'correct horse battery';
  const res = await call('POST', '/api/auth/register', { body: { email, password, displayName } });
  return { ...res.user, email, password, token: res.accessToken };
}

/**
 * A browser context signed in as `user` (its token in localStorage before any script runs).
 * @param {import('playwright-core').Browser} browser
 */
async function signedInPage(browser, server, user, viewport = { width: 1280, height: 860 }, baseURL = server.url) {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-GB' });
  if (user) await context.addInitScript((token) => window.localStorage.setItem('kring.token', token), user.token);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource|WebSocket connection/.test(msg.text())) errors.push(msg.text());
  });
  return { context, page, errors };
}

/**
 * Runs axe-core in the page; returns the serious and critical violations.
 * @param {import('playwright-core').Page} page
 */
async function seriousA11yViolations(page) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // evaluate() is not an inline <script>, so the page's strict CSP does not stop it.
  await page.evaluate(source);
  const result = await page.evaluate(() =>
    /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

/** @param {import('playwright-core').Page} page */
async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * A server and a browser for one test file: `before(async () => ({ server, browser, call } = suite = await openSuite()))`.
 */
async function openSuite() {
  const server = await startServer();
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.stop();
    throw err;
  }
  return {
    server,
    browser,
    call: apiClient(server),
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/**
 * A group made through the API by `owner` (public, open unless `fields` say otherwise); each of
 * `members` joins it, accepting its rules.
 */
async function newGroup(server, owner, fields, members = []) {
  const call = apiClient(server);
  const group = await call('POST', '/api/groups', {
    token: owner.token,
    body: { description: 'A group for browser tests.', visibility: 'public', joinPolicy: 'open', ...fields },
  });
  for (const m of members) {
    await call('POST', `/api/groups/${group.id}/join`, { token: m.token, body: group.rulesVersion > 0 ? { acceptRulesVersion: group.rulesVersion } : {} });
  }
  return group;
}

module.exports = {
  openSuite,
  newGroup, networkProxy, startServer, launchBrowser, apiClient, newUser, signedInPage, seriousA11yViolations, screenshot, missing, sleep, SCREENSHOTS };
