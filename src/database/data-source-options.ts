import { defaults as pgDefaults, types as pgTypes } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/**
 * Builds TypeORM options for the configured store. `synchronize` is never on: the schema
 * only changes through the dialect's migrations (src/database/migrations/<dialect>).
 */
export function dataSourceOptions(config: Pick<AppConfig, 'database'>): DataSourceOptions {
  if (config.database.kind === 'postgres') {
    // Timestamps are stored as UTC in "timestamp without time zone" columns, whatever TZ the
    // server process runs in.
    pgDefaults.parseInputDatesAsUTC = true;
    pgTypes.setTypeParser(1114, (s: string) => new Date(s.replace(' ', 'T') + 'Z'));
    // COUNT(*) and BIGINT come back as strings by default; our counts fit in a JS number.
    pgTypes.setTypeParser(20, (s: string) => Number(s));
    return {
      type: 'postgres',
      url: config.database.url,
      entities: ENTITIES,
      namingStrategy: new SnakeNamingStrategy(),
      migrations: POSTGRES_MIGRATIONS,
      migrationsRun: false,
      synchronize: false,
      poolSize: 10,
      extra: { connectionTimeoutMillis: 5000 },
    };
  }
  return {
    type: 'better-sqlite3',
    database: config.database.path,
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: SQLITE_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    enableWAL: true,
    timeout: 5000,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
    },
  };
}
