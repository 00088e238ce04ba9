import Database from 'better-sqlite3';
import { Client, defaults as pgDefaults } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/migrate';

export type StoreTarget = AppConfig['database'];

/** A row as the seeder hands it over: Dates and booleans are converted per dialect. */
export type Row = unknown[];

/** Appends rows to one table; `add` returns a promise only when it had to wait for the store. */
export interface TableWriter {
  readonly table: string;
  rows: number;
  add(row: Row): void | Promise<void>;
}

/**
 * Where seeded rows go: one SQLite file through better-sqlite3 prepared statements, or a
 * PostgreSQL database through multi-row INSERTs. Everything happens in one transaction, so
 * a seed that fails or is interrupted leaves the store as it was.
 */
export interface SeedStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly where: string;
  count(table: string): Promise<number>;
  /** Opens the transaction; secondary indexes of `tables` are dropped and rebuilt at commit (much faster than keeping them up to date row by row). */
  begin(tables: string[]): Promise<void>;
  table(name: string, columns: string[]): TableWriter;
  /** Writes what is buffered, rebuilds the indexes, commits. `onIndex` reports each rebuilt index. */
  commit(onIndex?: (name: string) => void): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
  /** A single value from a query (for checks and summaries). */
  scalar<T>(sql: string, params?: unknown[]): Promise<T>;
}

/** Applies the server's migrations (the same ones `npm start` runs), then opens the store for bulk writing. */
export async function openStore(
  target: StoreTarget,
  log: (line: string) => void = () => undefined,
): Promise<SeedStore> {
  const ds = new DataSource({ ...dataSourceOptions({ database: target }), logging: false });
  await ds.initialize();
  try {
    await runMigrations(ds, { log } as never);
  } finally {
    await ds.destroy();
  }
  return target.kind === 'sqlite'
    ? new SqliteStore(target.path)
    : await PostgresStore.connect(target.url);
}

function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

class SqliteStore implements SeedStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private indexes: { name: string; sql: string }[] = [];

  constructor(readonly where: string) {
    this.db = new Database(where);
  }

  async count(table: string): Promise<number> {
    return (this.db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  }

  async scalar<T>(sql: string, params: unknown[] = []): Promise<T> {
    return this.db
      .prepare(sql.replace(/\$\d+/g, '?'))
      .pluck()
      .get(...params) as T;
  }

  async begin(tables: string[]): Promise<void> {
    // The file is ours alone while seeding: no WAL copy of every page, no fsync per commit.
    try {
      this.db.pragma('journal_mode = DELETE');
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
      throw new Error(
        `${this.where} is in use by another process (a running server?): stop it before seeding`,
        { cause: err },
      );
    }
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -524288');
    this.db.pragma('temp_store = MEMORY');
    this.db.exec('BEGIN');
    const placeholders = tables.map(() => '?').join(',');
    this.indexes = this.db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders}) ORDER BY name`,
      )
      .all(...tables) as { name: string; sql: string }[];
    for (const ix of this.indexes) this.db.exec(`DROP INDEX "${ix.name}"`);
  }

  table(name: string, columns: string[]): TableWriter {
    const stmt = this.db.prepare(
      `INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const writer: TableWriter = {
      table: name,
      rows: 0,
      add(row: Row) {
        stmt.run(row.map(sqliteValue));
        writer.rows++;
      },
    };
    return writer;
  }

  async commit(onIndex?: (name: string) => void): Promise<void> {
    for (const ix of this.indexes) {
      this.db.exec(ix.sql);
      onIndex?.(ix.name);
    }
    this.db.exec('COMMIT');
    this.db.pragma('journal_mode = WAL');
  }

  async rollback(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

class PostgresStore implements SeedStore {
  readonly kind = 'postgres';
  private indexes: { name: string; def: string }[] = [];
  private readonly writers: PgWriter[] = [];

  private constructor(
    private readonly client: Client,
    readonly where: string,
  ) {}

  static async connect(url: string): Promise<PostgresStore> {
    // Timestamps are "timestamp without time zone" holding UTC, as the server writes them.
    pgDefaults.parseInputDatesAsUTC = true;
    const client = new Client({ connectionString: url });
    await client.connect();
    const u = new URL(url);
    return new PostgresStore(client, `PostgreSQL ${u.host}${u.pathname}`);
  }

  async count(table: string): Promise<number> {
    return Number((await this.client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
  }

  async scalar<T>(sql: string, params: unknown[] = []): Promise<T> {
    const { rows } = await this.client.query({ text: sql, values: params, rowMode: 'array' });
    return (rows[0]?.[0] ?? null) as T;
  }

  async begin(tables: string[]): Promise<void> {
    await this.client.query('BEGIN');
    await this.client.query("SET LOCAL maintenance_work_mem = '256MB'");
    const { rows } = await this.client.query(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND t.relname = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        ORDER BY i.relname`,
      [tables],
    );
    this.indexes = rows as { name: string; def: string }[];
    for (const ix of this.indexes) await this.client.query(`DROP INDEX "${ix.name}"`);
  }

  table(name: string, columns: string[]): TableWriter {
    const w = new PgWriter(this.client, name, columns, () => this.flushAll());
    this.writers.push(w);
    return w;
  }

  /** Writers flush together in the order they were made, so rows land after the rows they refer to. */
  private async flushAll(): Promise<void> {
    for (const w of this.writers) await w.flush();
  }

  async commit(onIndex?: (name: string) => void): Promise<void> {
    await this.flushAll();
    for (const ix of this.indexes) {
      await this.client.query(ix.def);
      onIndex?.(ix.name);
    }
    await this.client.query('COMMIT');
    const tables = [...new Set(this.writers.map((w) => w.table))];
    for (const t of tables) await this.client.query(`ANALYZE "${t}"`);
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK').catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** Buffers rows and sends them as multi-row INSERTs of up to `batch` rows (a named prepared statement for full batches). */
class PgWriter implements TableWriter {
  rows = 0;
  private buffer: unknown[] = [];
  private readonly batch: number;
  private readonly head: string;
  private fullBatchText = '';

  constructor(
    private readonly client: Client,
    readonly table: string,
    private readonly columns: string[],
    private readonly flushAll: () => Promise<void>,
  ) {
    // PostgreSQL takes at most 65,535 parameters per statement.
    this.batch = Math.max(1, Math.min(1000, Math.floor(60_000 / columns.length)));
    this.head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  }

  add(row: Row): void | Promise<void> {
    for (const v of row) this.buffer.push(v);
    this.rows++;
    if (this.buffer.length >= this.batch * this.columns.length) return this.flushAll();
  }

  async flush(): Promise<void> {
    const n = this.buffer.length / this.columns.length;
    if (!n) return;
    const full = n === this.batch;
    const text = full ? (this.fullBatchText ||= this.insertText(n)) : this.insertText(n);
    const values = this.buffer;
    this.buffer = [];
    await this.client.query({ name: full ? `seed_${this.table}` : undefined, text, values });
  }

  private insertText(n: number): string {
    const width = this.columns.length;
    const tuples: string[] = [];
    for (let r = 0; r < n; r++) {
      const ps: string[] = [];
      for (let c = 0; c < width; c++) ps.push(`$${r * width + c + 1}`);
      tuples.push(`(${ps.join(',')})`);
    }
    return this.head + tuples.join(',');
  }
}
