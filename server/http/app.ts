import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Logger } from '@/server/log';
import type { Audit } from '@/server/auth/audit';
import type { AuthService } from '@/server/auth/auth-service';
import { registerCallerCheck, type OriginCheck } from './caller';
import { answerClientError } from './client-error';
import { registerErrorHandling } from './error-handling';
import { HttpError } from './http-error';
import { registerJsonBody } from './json-body';

export type HttpAppOptions = {
  log: Logger;
  auth: Pick<AuthService, 'resolve'>;
  audit: Audit;
  /** Signs the cookies that must not be forged (the OpenID Connect flow's). */
  cookieSecret: string;
  /** Proxies whose `x-forwarded-*` headers are believed (the web process, a load balancer). */
  trustProxy: string[];
  /** The dashboard's own origins: a cookie-carrying change must come from one of them. */
  sameOrigin: OriginCheck;
  /** Origins (the CCP's) whose browsers may post to the ingest routes. */
  ingestCorsOrigins: readonly string[];
  parseJson: (text: string) => unknown;
  /** The whole request, headers and body, must arrive within this (slow senders are cut off). */
  requestTimeoutMs: number;
};

/**
 * The sidecar's HTTP pipeline on Fastify: a request id per request (echoed as `x-request-id`),
 * structured logs, the caller identified once, bodies read as bounded JSON, CORS for the CCP relay's
 * browsers, rate limits where a route asks for them, and every failure answered with a reason.
 * Routes are registered by the caller on the returned instance.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.log,
    trustProxy: options.trustProxy,
    // One line per request is written by the onResponse hook below, at debug (errors at error).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Node checks request deadlines only every connectionsCheckingInterval (30 s by default):
    // checked every second, a slow sender is cut off close to the deadline.
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout: options.requestTimeoutMs,
          headersTimeout: Math.min(options.requestTimeoutMs, 10_000),
          keepAliveTimeout: 5_000,
          connectionsCheckingInterval: 1_000,
        },
        handler,
      ),
    return503OnClosing: true,
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, request, reply) => {
      const reason =
        error.code === 'FST_ERR_BAD_URL'
          ? `the URL ${request.url.slice(0, 200)} is not valid percent-encoding`
          : error.message;
      void (reply as unknown as FastifyReply)
        .code(400)
        .type('application/json; charset=utf-8')
        .send({ error: reason });
    },
  }) as unknown as FastifyInstance;

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    // The access line; a failure's own line (with the error) comes from the error handler.
    request.log[reply.statusCode >= 500 ? 'info' : 'debug'](
      { req: request, res: reply, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });
  registerErrorHandling(app);
  registerJsonBody(app, options.parseJson);

  const allowed = new Set(options.ingestCorsOrigins);
  // Only the ingest routes take cross-origin posts, and only from the configured origins.
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (request.method !== 'OPTIONS' || !request.url.startsWith('/ingest/')) return;
    if (!origin || !allowed.has(origin))
      throw new HttpError(
        403,
        `origin ${origin ?? '(none)'} may not post to confwatch; see INGEST_CORS_ORIGINS`,
      );
  });
  await app.register(cors, {
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const ok = request.url?.startsWith('/ingest/') === true && origin !== undefined && allowed.has(origin);
      callback(null, {
        origin: ok ? origin : false,
        methods: ['POST'],
        allowedHeaders: ['authorization', 'content-type', 'x-api-key'],
        maxAge: 600,
        strictPreflight: false,
      });
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(cookie, { secret: options.cookieSecret });
  // The sidecar answers JSON and text only: nothing of it should be framed, sniffed or cached.
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    hsts: false,
  });
  registerCallerCheck(app, { auth: options.auth, audit: options.audit, sameOrigin: options.sameOrigin });
  return app;
}
