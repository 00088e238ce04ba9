import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Arbitrary constant: the PostgreSQL advisory lock that lets one instance migrate at a time. */
const MIGRATION_LOCK_KEY = 727_274_001;

/**
 * Applies pending migrations. On PostgreSQL several instances may start together: a session
 * advisory lock makes them take turns, and the later ones find nothing left to run.
 */
export async function runMigrations(dataSource: DataSource, logger = new Logger('Migrations')): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    if (done.length) logger.log(`applied ${done.length} migration(s): ${done.map((m) => m.name).join(', ')}`);
    return;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    if (done.length) logger.log(`applied ${done.length} migration(s): ${done.map((m) => m.name).join(', ')}`);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
