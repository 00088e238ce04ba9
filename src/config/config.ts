import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** A configuration value that cannot be used; main.ts prints `message` alone and exits. */
export class ConfigError extends Error {}

export type DatabaseKind = 'sqlite' | 'postgres';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  redisUrl: string | null;
  jwtSecret: string;
  /** Access token lifetime in seconds. */
  jwtTtlSeconds: number;
  logLevel: LogLevel;
  corsOrigins: string[] | true | false;
  trustProxy: boolean;
  /** Tries per minute for login/register, per IP and per e-mail address. */
  authRateLimitPerMinute: number;
  /** How long the activity log keeps events for resume, in hours. */
  activityRetentionHours: number;
  /** Serve the built web client from dist/web (off in tests that only need the API). */
  serveWeb: boolean;
  /** Folder holding the built web client (index.html and assets/). */
  webDir: string;
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  const n = Number(raw.trim());
  if (n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    throw new ConfigError(`${name} must be a URL such as ${protocols[0]}//host:port/... (got "${raw}")`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  }
  return raw.trim();
}

/** Reads a secret kept in the data directory, creating it (mode 0600) on first start. */
function persistentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** Reads and validates the whole configuration once. Throws ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = (env.HOST ?? '').trim() || '0.0.0.0';
  const dataDirRaw = (env.DATA_DIR ?? '').trim() || './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(process.cwd(), dataDirRaw);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);

  const logLevel = ((env.LOG_LEVEL ?? '').trim().toLowerCase() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  }

  const corsRaw = (env.CORS_ORIGINS ?? '').trim();
  let corsOrigins: AppConfig['corsOrigins'] = false;
  if (corsRaw === '*') corsOrigins = true;
  else if (corsRaw) {
    corsOrigins = corsRaw.split(',').map((o) => o.trim()).filter(Boolean);
    for (const o of corsOrigins) {
      if (!/^https?:\/\/[^/\s]+$/.test(o)) throw new ConfigError(`CORS_ORIGINS must be * or a comma-separated list of origins like https://example.org (got "${o}")`);
    }
  }

  const jwtRaw = env.JWT_SECRET;
  if (jwtRaw !== undefined && jwtRaw !== '' && jwtRaw.length < 16) {
    throw new ConfigError('JWT_SECRET must be at least 16 characters long');
  }

  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new ConfigError(`DATA_DIR "${dataDir}" cannot be created: ${(e as Error).message}`);
  }

  let jwtSecret: string;
  try {
    jwtSecret = jwtRaw ? jwtRaw : persistentSecret(dataDir);
  } catch (e) {
    throw new ConfigError(`DATA_DIR "${dataDir}" is not writable for the generated JWT secret: ${(e as Error).message}`);
  }

  return {
    port,
    host,
    dataDir,
    database: databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'sqlite', path: join(dataDir, 'kring.sqlite') },
    redisUrl,
    jwtSecret,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 7 * 24 * 3600, 60, 365 * 24 * 3600),
    logLevel,
    corsOrigins,
    trustProxy: bool(env, 'TRUST_PROXY', false),
    authRateLimitPerMinute: int(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 10, 1, 1_000_000),
    activityRetentionHours: int(env, 'ACTIVITY_RETENTION_HOURS', 72, 24, 24 * 365),
    serveWeb: bool(env, 'SERVE_WEB', true),
    // Compiled, this file is dist/config/config.js and Vite builds the client into dist/web.
    webDir: (env.WEB_DIR ?? '').trim() ? resolve(process.cwd(), (env.WEB_DIR ?? '').trim()) : resolve(__dirname, '..', 'web'),
  };
}
