import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { AppConfig, ConfigError, loadConfig } from './config/config';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`kring: invalid configuration: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  let app;
  try {
    app = await createApp(config);
  } catch (err) {
    const where = config.database.kind === 'postgres' ? 'the PostgreSQL database at DATABASE_URL' : config.database.path;
    process.stderr.write(`kring: cannot start: ${(err as Error).message} (store: ${where})\n`);
    process.exit(1);
  }
  await app.listen({ port: config.port, host: config.host });
  new Logger('Kring').log(
    `listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} ` +
      `(${config.database.kind === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL'}${config.redisUrl ? ', Redis' : ''})`,
  );
}

void main();
