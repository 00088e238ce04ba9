import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

/** Where each run's JSON goes (gitignored; the README keeps the figures worth keeping). */
export const RESULTS_DIR = join(__dirname, '..', 'results');

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine skews the figures. */
  loadAverage: number;
}

export function machine(): Machine {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
  };
}

/** Percentile `p` (0-100) of an ascending array, nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Distribution {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function distribution(values: number[]): Distribution {
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return {
    count: s.length,
    mean,
    p50: percentile(s, 50),
    p90: percentile(s, 90),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
  };
}

/** A plain text table: the first row is the header. Numbers are right-aligned. */
export function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? num(c) : c)));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[], header = false) =>
    r
      .map((c, i) =>
        !header && typeof rows[cells.indexOf(r)][i] === 'number'
          ? c.padStart(widths[i])
          : c.padEnd(widths[i]),
      )
      .join('  ');
  return [
    line(cells[0], true),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map((r) => line(r)),
  ].join('\n');
}

/** A readable number: thousands separated, at most 2 decimals (fewer for big values). */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '-';
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function ratio(a: number, b: number): string {
  return b ? `${(a / b).toFixed(2)}x` : '-';
}

/** Writes bench/results/<name>-<time>.json and bench/results/<name>-latest.json; answers the first path. */
export function writeResult(name: string, data: Record<string, unknown>): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const body =
    JSON.stringify(
      { bench: name, at: new Date().toISOString(), machine: machine(), ...data },
      null,
      2,
    ) + '\n';
  const file = join(RESULTS_DIR, `${name}-${stamp}.json`);
  writeFileSync(file, body);
  writeFileSync(join(RESULTS_DIR, `${name}-latest.json`), body);
  return file;
}

/** Progress lines go to stderr, so stdout holds the tables alone. */
export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}
