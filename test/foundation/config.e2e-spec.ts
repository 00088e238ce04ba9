import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kring-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to SQLite in DATA_DIR on port 3000', () => {
    const c = loadConfig({ DATA_DIR: dir });
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'sqlite', path: join(dir, 'kring.sqlite') });
    expect(c.redisUrl).toBeNull();
  });

  it('generates a JWT secret once, kept with mode 0600', () => {
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    expect(a.jwtSecret).toBe(b.jwtSecret);
    const file = join(dir, 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(a.jwtSecret);
    expect(loadConfig({ DATA_DIR: dir, JWT_SECRET: 'a-configured-secret-value' }).jwtSecret).toBe('a-configured-secret-value');
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number/],
    [{ PORT: '70000' }, /^PORT must be a whole number/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must start with postgres: or postgresql:/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a URL/],
    [{ REDIS_URL: 'http://x' }, /^REDIS_URL must start with redis:/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ JWT_SECRET: 'short' }, /^JWT_SECRET must be at least 16/],
    [{ TRUST_PROXY: 'maybe' }, /^TRUST_PROXY must be true or false/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dir, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir, ...env })).toThrow(message);
  });

  it('stops the server process with one clear line, not a stack trace', () => {
    const main = join(__dirname, '../../dist/main.js');
    if (!existsSync(main)) throw new Error('dist/main.js missing: npm test builds it first (npm run build:server)');
    const res = spawnSync(process.execPath, [main], { env: { ...process.env, PORT: 'eighty', DATA_DIR: dir }, encoding: 'utf8', timeout: 20000 });
    expect(res.status).toBe(1);
    expect(res.stderr.trim()).toBe('kring: invalid configuration: PORT must be a whole number from 0 to 65535 (got "eighty")');
  });
});
