import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { HttpError } from './http-error';

// HEAD follows GET and OPTIONS is CORS's everywhere: neither makes a path known.
const METHODS: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Routes may answer errors in another shape (Firehose has its own); the default is `{ error }`. */
export type ErrorFormat = (request: FastifyRequest, status: number, reason: string) => unknown;

declare module 'fastify' {
  // Declaration merging with Fastify's own types needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    /** How this route words an error body. */
    errorFormat?: ErrorFormat;
  }
}

const plain: ErrorFormat = (_request, _status, reason) => ({ error: reason });

/** The status and reason a person can act on for an error Fastify or a handler raised. */
function describe(error: FastifyError, request: FastifyRequest): { status: number; reason: string } {
  if (error instanceof HttpError) return { status: error.statusCode, reason: error.message };
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        reason: `body exceeds the limit of ${request.routeOptions.bodyLimit ?? 0} bytes`,
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, reason: 'the body is not as long as its content-length says' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, reason: 'send the body as JSON' };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return { status, reason: error.message };
  return { status: 500, reason: 'internal error' };
}

/**
 * Every failure becomes an answer, never a crash: a refusal (4xx) with its reason, an unexpected
 * error a 500 that is logged once with the request id. Unknown paths are 404, a known path with the
 * wrong method is 405, a URL that is not valid percent-encoding is 400.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  const send = (request: FastifyRequest, reply: FastifyReply, status: number, reason: string) => {
    const format = request.routeOptions.config?.errorFormat ?? plain;
    return reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send(format(request, status, reason));
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, reason } = describe(error, request);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (reply.sent || reply.raw.headersSent) return void reply.raw.destroy();
    if (error.statusCode === 429 && !(error instanceof HttpError))
      return reply.code(429).send({ error: reason });
    return send(request, reply, status, reason);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = (request.raw.url ?? '/').split('?')[0] ?? '/';
    const allowed = METHODS.filter((m) => m !== request.method && app.findRoute({ method: m, url: path }));
    if (allowed.length > 0) {
      void reply.header('allow', allowed.join(', '));
      return send(request, reply, 405, `${request.method} is not allowed on ${path}`);
    }
    return send(request, reply, 404, `no route for ${path}`);
  });
}
