import { DataSource } from 'typeorm';
import { startApp, TestApp } from '../helpers/test-app';

describe('schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('entities and migrations agree (run `npm run migration:generate -- Name` when this fails)', async () => {
    const sql = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('runs SQLite in WAL mode with foreign keys on', async () => {
    const ds = t.app.get(DataSource);
    if (ds.options.type !== 'better-sqlite3') return;
    expect((await ds.query('PRAGMA journal_mode'))[0].journal_mode).toBe('wal');
    expect((await ds.query('PRAGMA foreign_keys'))[0].foreign_keys).toBe(1);
    expect((await ds.query('PRAGMA busy_timeout'))[0].timeout).toBeGreaterThanOrEqual(1000);
  });
});
