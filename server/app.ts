/**
 * The shop server's HTTP side. Fastify 5: its per-route body limits, its hooks and its `inject()` (tests call
 * routes without opening a port) fit a small API, and it is fast and well kept. Request bodies are checked with
 * the extension's own valibot schemas (server/context.ts), not Fastify's JSON schemas, so one schema serves both.
 */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { CodedError } from '@/lib/messages/errors';
import { authenticate, registerAccountRoutes } from '@/server/auth';
import type { RateLimits, ServerContext } from '@/server/context';
import type { Db } from '@/server/db';
import { HttpError } from '@/server/errors';
import { registerFeedbackRoutes } from '@/server/feedback';
import { Forwarder, type ForwardOptions, registerForwardRoutes } from '@/server/forward';
import { registerLibraryRoutes } from '@/server/library';
import { LiveHub } from '@/server/live';
import { registerStatsRoutes } from '@/server/stats';

export interface AppOptions {
  db: Db;
  /** Origins allowed to call from a browser: the extension's `chrome-extension://<id>`. */
  allowedOrigins: readonly string[];
  limits?: Partial<RateLimits>;
  /**
   * Behind a load balancer: trust its X-Forwarded-For for the client's address (the login rate limit's key).
   * Off by default, or anyone could pick their own address with that header and escape the limit.
   */
  trustProxy?: boolean;
  logger?: boolean;
  /** The feedback forward's clock, retries and timeout (tests shorten them). */
  forward?: ForwardOptions;
}

const DEFAULT_LIMITS: RateLimits = { loginPerMinute: 10, writesPerMinute: 120 };

export async function buildApp(
  options: AppOptions,
): Promise<{ app: FastifyInstance; live: LiveHub; forwarder: Forwarder }> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    trustProxy: options.trustProxy ?? false,
  });
  const live = new LiveHub(options.db);
  await live.start();
  const forwarder = new Forwarder(options.db, options.forward);
  const context: ServerContext = {
    db: options.db,
    live,
    forwarder,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  };

  await app.register(cors, {
    origin: [...options.allowedOrigins],
    methods: ['GET', 'PUT', 'POST', 'PATCH'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'],
    maxAge: 600,
  });
  // In memory, per node: enough to slow a guesser of codes and a runaway client. Behind several nodes each
  // counts its own share; the plugin can take a shared store if that ever matters.
  await app.register(rateLimit, { global: false });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpError) {
      return reply
        .code(error.status)
        .send({ error: { code: error.code, params: error.params }, message: error.message, ...error.extra });
    }
    if (error instanceof CodedError) {
      return reply.code(400).send({ error: error.toData(), message: `Refused: ${error.code}` });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const code =
      status === 413 ? 'bodyTooLarge' : status === 429 ? 'rateLimited' : status < 500 ? 'invalid' : 'internal';
    if (status >= 500) app.log.error(error);
    return reply
      .code(status)
      .send({ error: { code, params: {} }, message: status >= 500 ? 'Internal error' : (error as Error).message });
  });

  registerAccountRoutes(app, context);
  registerLibraryRoutes(app, context);
  registerFeedbackRoutes(app, context);
  registerForwardRoutes(app, context);
  registerStatsRoutes(app, context);

  /**
   * The live stream (text/event-stream), read with fetch(): an extension's service worker has no EventSource,
   * and a header keeps the token out of URLs and logs. `?revision=N` or Last-Event-ID: the revision the
   * client has; it gets the library at once when behind.
   */
  app.get<{ Querystring: { revision?: string } }>('/api/live', async (request, reply) => {
    const me = await authenticate(context.db, request);
    const said = request.query.revision ?? request.headers['last-event-id'];
    const revision = typeof said === 'string' && /^\d{1,9}$/.test(said) ? Number(said) : -1;
    reply.hijack();
    reply.raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    await live.open(reply.raw, { deviceId: me.deviceId, shopId: me.shopId, isAdmin: me.role === 'admin' }, revision);
  });

  app.get('/api/health', async () => ({ ok: true, database: options.db.kind, streams: live.size }));

  // Before the server stops accepting: open streams never end on their own, so closing would wait for them.
  app.addHook('preClose', async () => {
    await live.stop();
    await forwarder.stop();
  });
  // What was due while no server ran (a restart, a crash mid-send) goes now.
  forwarder.start();
  return { app, live, forwarder };
}
