import type { TableWriter } from './store';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Prints how far each table has got (one line, rewritten in place on a terminal; a line every
 * few seconds otherwise) and the closing summary.
 */
export class Progress {
  private readonly started = Date.now();
  private readonly tty: boolean;
  private lastPrint = 0;
  private current: {
    label: string;
    writer: TableWriter;
    total: number;
    since: number;
    startRows: number;
  } | null = null;
  private readonly writers: TableWriter[] = [];

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly quiet = false,
  ) {
    this.tty = !!out.isTTY;
  }

  register(writer: TableWriter): TableWriter {
    this.writers.push(writer);
    return writer;
  }

  /** Starts reporting on `writer`, expecting about `total` rows. */
  phase(label: string, writer: TableWriter, total: number): void {
    this.endPhase();
    this.current = { label, writer, total, since: Date.now(), startRows: writer.rows };
    this.lastPrint = Date.now();
  }

  /** Call often: prints at most a few times per second. */
  tick(): void {
    const now = Date.now();
    if (!this.current || this.quiet || now - this.lastPrint < (this.tty ? 250 : 5000)) return;
    this.lastPrint = now;
    this.print(false);
  }

  endPhase(): void {
    if (this.current && !this.quiet) this.print(true);
    this.current = null;
  }

  note(line: string): void {
    if (this.quiet) return;
    this.out.write(`${this.tty ? '\r\x1b[K' : ''}${line}\n`);
  }

  private print(final: boolean): void {
    const c = this.current!;
    const done = c.writer.rows - c.startRows;
    const secs = Math.max(0.001, (Date.now() - c.since) / 1000);
    const pct = c.total ? Math.min(100, (100 * done) / c.total) : 100;
    const line = `  ${c.label.padEnd(22)} ${fmt(done).padStart(11)} / ${fmt(c.total).padEnd(11)} ${pct.toFixed(0).padStart(3)}%  ${fmt(done / secs).padStart(9)} rows/s  ${secs.toFixed(1)} s`;
    if (this.tty) this.out.write(`\r\x1b[K${line}${final ? '\n' : ''}`);
    else this.out.write(`${line}\n`);
  }

  elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  /** Rows per table, written by this run. */
  totals(): Record<string, number> {
    const t: Record<string, number> = {};
    for (const w of this.writers) t[w.table] = (t[w.table] ?? 0) + w.rows;
    return t;
  }

  summaryTable(): string {
    const totals = this.totals();
    const secs = this.elapsedSeconds();
    const all = Object.values(totals).reduce((a, b) => a + b, 0);
    const rows = Object.entries(totals).map(
      ([table, n]) => `  ${table.padEnd(16)} ${fmt(n).padStart(12)}`,
    );
    return [
      '  table                    rows',
      '  ' + '-'.repeat(29),
      ...rows,
      '  ' + '-'.repeat(29),
      `  ${'total'.padEnd(16)} ${fmt(all).padStart(12)}`,
      '',
      `  ${secs.toFixed(1)} s in all, ${fmt(all / secs)} rows/s`,
    ].join('\n');
  }
}

export { fmt as formatCount };
