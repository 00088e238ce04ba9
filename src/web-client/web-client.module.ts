import { DynamicModule, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/config';

/** Paths that belong to the server, never to the single-page app's fallback. */
export const SERVER_PATH_PREFIXES = ['/api', '/socket.io'];

/**
 * @nestjs/serve-static's Fastify loader ignores `exclude` and answers every unknown GET with
 * index.html (the SPA fallback). Unknown server paths must stay JSON 404s, so they get their
 * own wildcard routes, which Fastify's router prefers over the bare `*` of the fallback.
 */
@Module({})
class ServerPathsNotFoundModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const prefix of SERVER_PATH_PREFIXES) {
      for (const url of [prefix, `${prefix}/*`]) {
        fastify.get(url, (_req: FastifyRequest, reply: FastifyReply) => reply.callNotFound());
      }
    }
  }
}

/**
 * Serves the browser client (built by Vite into dist/web) from the API's own origin: files as
 * they are, and index.html for any other GET so client-side routes survive a reload.
 */
@Module({})
export class WebClientModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.serveWeb) return { module: WebClientModule };
    const index = join(config.webDir, 'index.html');
    if (!existsSync(index)) {
      new Logger('WebClient').warn(`SERVE_WEB is on but ${index} does not exist: run \`npm run build:web\`; serving the API only`);
      return { module: WebClientModule };
    }
    return {
      module: WebClientModule,
      imports: [
        ServerPathsNotFoundModule,
        ServeStaticModule.forRoot({
          rootPath: config.webDir,
          serveStaticOptions: {
            fallthrough: true,
            index: false,
            // Called with Node's response for files and with Fastify's reply for the index.html fallback.
            setHeaders: (res: { setHeader?(name: string, value: string): void; header?(name: string, value: string): void }, path: string) => {
              // Vite's assets carry a content hash in their names; index.html must be re-checked.
              const value = /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
              if (res.setHeader) res.setHeader('cache-control', value);
              else res.header?.('cache-control', value);
            },
          },
        }),
      ],
    };
  }
}
