import { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/config';
import { SOCKET_MAX_FRAME_BYTES } from './socket-limits';

/**
 * Socket.IO on the Fastify server, path /socket.io, with Kring's limits; with REDIS_URL the
 * Redis adapter, so rooms and server-side operations (io.in(room).emit, socketsJoin,
 * fetchSockets, disconnectSockets) span every instance.
 */
// Nest's adapter carries its own copy of socket.io; name its types through the adapter.
type IoServer = ReturnType<IoAdapter['createIOServer']>;
type IoOptions = NonNullable<Parameters<IoAdapter['createIOServer']>[1]>;

export class KringIoAdapter extends IoAdapter {
  private readonly redisClients: Redis[] = [];

  constructor(
    private readonly app: INestApplication,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: IoOptions): IoServer {
    const server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      serveClient: false,
      // Client messages are tiny; a bigger frame closes the connection instead of being buffered.
      maxHttpBufferSize: SOCKET_MAX_FRAME_BYTES,
      connectTimeout: 10_000,
      pingInterval: 25_000,
      pingTimeout: 20_000,
      cors: this.config.corsOrigins ? { origin: this.config.corsOrigins, credentials: false } : undefined,
    } as IoOptions);
    // Open WebSockets would keep the HTTP server from closing (graceful shutdown waits for every
    // connection): close them first. Clients reconnect, to another instance or after the
    // restart, and resume from their lastEventId.
    (this.app.getHttpAdapter().getInstance() as FastifyInstance).addHook('preClose', (done: () => void) => {
      server.local.disconnectSockets(true);
      server.engine.close();
      done();
    });
    if (this.config.redisUrl) {
      const pub = new Redis(this.config.redisUrl);
      const sub = pub.duplicate();
      for (const client of [pub, sub]) {
        client.on('error', (err: Error) => this.logger.warn(`Redis: ${err.message}`));
        this.redisClients.push(client);
      }
      server.adapter(createAdapter(pub, sub) as unknown as IoOptions['adapter']);
    }
    return server;
  }

  override async close(server: IoServer): Promise<void> {
    const clients = this.redisClients.splice(0);
    // A Redis that is down must not hold up shutdown: drop its queued commands first.
    for (const c of clients) if (c.status !== 'ready') c.disconnect();
    await super.close(server);
    await Promise.all(clients.filter((c) => c.status === 'ready').map((c) => c.quit().catch(() => c.disconnect())));
  }
}
