import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainEventBus } from '../domain-events/domain-event-bus';

interface ClosableServer {
  close(): Promise<void>;
  server?: { listening?: boolean; closeIdleConnections?: () => void };
}

/**
 * Nest's own order on SIGTERM closes the database (shutdown hooks) before the HTTP server
 * (dispose), which would fail requests still in flight. This runs first: stop accepting,
 * let in-flight requests finish (their keep-alive connections are told to close), deliver
 * the domain events they raised, and only then let the store close.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  closing = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly bus: DomainEventBus,
  ) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const fastify = this.adapterHost.httpAdapter?.getInstance<ClosableServer>();
    if (fastify?.server?.listening) {
      if (signal) this.logger.log(`${signal}: no new connections; finishing requests in flight`);
      fastify.server.closeIdleConnections?.();
      await fastify.close();
    }
    await this.bus.drain();
  }
}
