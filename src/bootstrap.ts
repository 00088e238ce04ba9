import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from './app.module';
import { GracefulShutdown } from './common/graceful-shutdown';
import { newId } from './common/ids';
import { JsonLogger } from './common/json-logger';
import { AppConfig } from './config/config';
import { KringIoAdapter } from './realtime/io-adapter';

export const BODY_LIMIT_BYTES = 256 * 1024;

const routeTables = new WeakMap<NestFastifyApplication, string[]>();

/** `METHOD /path` of every route the app registered (for the OpenAPI completeness test). */
export function registeredRoutes(app: NestFastifyApplication): string[] {
  return [...(routeTables.get(app) ?? [])];
}

/** Builds the whole application (used by main.ts and by the e2e tests alike). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newId();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new JsonLogger(config.logLevel),
    abortOnError: false,
  });
  await configureApp(app, config);
  return app;
}

async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.setGlobalPrefix('api');
  app.useWebSocketAdapter(new KringIoAdapter(app, config));
  app.enableShutdownHooks();
  if (config.corsOrigins) app.enableCors({ origin: config.corsOrigins, credentials: false });

  const fastify = app.getHttpAdapter().getInstance();
  const routes: string[] = [];
  routeTables.set(app, routes);
  fastify.addHook('onRoute', (route: { method: string | string[]; url: string }) => {
    for (const method of ([] as string[]).concat(route.method)) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${route.url}`);
    }
  });
  const shutdown = app.get(GracefulShutdown);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    void reply.header('x-request-id', request.id);
  });
  // While shutting down, answer what is in flight and close its connection, so that idle
  // keep-alive sockets do not hold the process open.
  fastify.addHook('onSend', async (_request: FastifyRequest, reply: FastifyReply) => {
    if (shutdown.closing) void reply.header('connection', 'close');
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Kring is often run on plain http://localhost; upgrading would break its own requests.
        upgradeInsecureRequests: null,
      },
    },
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kring API')
      .setDescription('HTTP contract of Kring, the knowledge-community board (see shared/API.md).')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
