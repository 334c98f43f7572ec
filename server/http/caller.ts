import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-error';

/** Who is calling, decided once per request by the pipeline; handlers read it, never headers. */
export type Caller = { kind: 'anonymous' } | { kind: 'ingest'; name: string };

/** What a route lets through. */
export type Access = 'public' | 'ingest';

declare module 'fastify' {
  // Declaration merging with Fastify's own types needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    access?: Access;
    /** How the refusal names the credential this route expects. */
    credentialName?: string;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    caller: Caller;
  }
}

/** The secret an ingest caller offers: `Authorization: Bearer …`, `x-api-key` or Firehose's access key. */
export function offeredSecret(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
  if (bearer) return bearer;
  for (const header of ['x-api-key', 'x-amz-firehose-access-key']) {
    const value = request.headers[header];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Constant-time comparison of two secrets. */
export function sameSecret(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Identifies every caller in one `onRequest` hook and refuses, before any body is read, a request
 * that its route does not let through. Every route must say what it lets through.
 */
export function registerCallerCheck(app: FastifyInstance, options: { ingestToken: string }): void {
  // Decorated with null (Fastify's advice for reference values) and set for every request below.
  app.decorateRequest('caller', null as never);
  app.addHook('onRequest', async (request) => {
    const secret = offeredSecret(request);
    request.caller =
      secret !== undefined && sameSecret(secret, options.ingestToken)
        ? { kind: 'ingest', name: 'ingest-token' }
        : { kind: 'anonymous' };
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    if (access === 'ingest' && request.caller.kind !== 'ingest') {
      const credential =
        request.routeOptions.config.credentialName ??
        'ingest token (Authorization: Bearer <token> or x-api-key)';
      throw new HttpError(401, `missing or wrong ${credential}`);
    }
  });
}
