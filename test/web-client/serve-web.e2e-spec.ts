import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, TestApp } from '../helpers/test-app';

/** The server serves the built web client from its own origin, next to the API. */
describe('web client serving', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'kring-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Kring</title><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script>');
    writeFileSync(join(webDir, 'assets', 'app-abc123.js'), 'console.log("kring")');
    t = await startApp({ env: { SERVE_WEB: 'true', WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers / and any client-side route with index.html, which browsers must re-check', async () => {
    for (const path of ['/', '/groups/some-group', '/threads/01J00000000000000000000000']) {
      const res = await t.http().get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const res = await t.http().get('/assets/app-abc123.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('keeps the API and Socket.IO paths out of the fallback: unknown ones are JSON 404s', async () => {
    await t.http().get('/api/health').expect(200, { status: 'ok', database: 'ok' });
    for (const path of ['/api', '/api/no-such-route']) {
      const res = await t.http().get(path).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
    // Socket.IO answers its own path (a malformed handshake is its 400); never the page.
    const io = await t.http().get('/socket.io/nothing');
    expect(io.status).toBeGreaterThanOrEqual(400);
    expect(io.headers['content-type'] ?? '').not.toMatch(/html/);
  });

  it('sends the strict content security policy with the page (no inline scripts)', async () => {
    const res = await t.http().get('/').expect(200);
    const scriptSrc = /script-src ([^;]*)/.exec(res.headers['content-security-policy'])?.[1];
    expect(scriptSrc).toBe("'self'");
  });

  it('serves the API alone when the client has not been built', async () => {
    const other = await startApp({ env: { SERVE_WEB: 'true', WEB_DIR: join(webDir, 'missing') } });
    try {
      await other.http().get('/api/health').expect(200);
      await other.http().get('/').expect(404);
    } finally {
      await other.close();
    }
  });
});
