import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/bootstrap';
import { AppConfig, loadConfig } from '../../src/config/config';
import { DomainEventBus } from '../../src/domain-events/domain-event-bus';
import { createTestStore, TestStore } from './test-db';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  store: TestStore;
  /** http://127.0.0.1:<port> of the listening server. */
  url: string;
  /** supertest against the listening server. */
  http: () => ReturnType<typeof request>;
  /** Waits until every domain event dispatched so far has been handled. */
  settle(): Promise<void>;
  /** Stops the server; `keepStore` leaves the data for a restart. */
  close(opts?: { keepStore?: boolean }): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Reuse the store of an earlier app (restart tests). */
  store?: TestStore;
}

/** Boots the real AppModule on a fresh store (migrations applied) and listens on 127.0.0.1. */
export async function startApp(opts: StartOptions = {}): Promise<TestApp> {
  const store = opts.store ?? (await createTestStore());
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: store.dataDir,
    DATABASE_URL: store.databaseUrl ?? '',
    LOG_LEVEL: 'error',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    SERVE_WEB: 'false',
    ...opts.env,
  });
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const bus = app.get(DomainEventBus);
  let closed = false;
  return {
    app,
    config,
    store,
    url,
    http: () => request(url),
    settle: () => bus.drain(),
    close: async ({ keepStore = false } = {}) => {
      if (closed) return;
      closed = true;
      await bus.drain();
      await app.close();
      if (!keepStore) await store.drop();
    },
  };
}
