import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Audit } from '@/server/auth/audit';
import type { AuthService, Credentials } from '@/server/auth/auth-service';
import { ANONYMOUS, type Caller, type Identity } from '@/server/auth/identity';
import { can, type Capability } from '@/server/auth/roles';
import { HttpError } from './http-error';

export const SESSION_COOKIE = 'confwatch_session';

/**
 * What a route lets through: anyone (the sign-in machinery and /healthz), anyone signed in, or a
 * caller whose role has a capability. Every route says which; a route that says nothing is refused.
 */
export type Access = 'public' | 'signed-in' | { capability: Capability };

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
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyInstance {
    /** Every route as registered, with its access rule (the role × route table test reads it). */
    routeTable: RouteRecord[];
  }
}

/** A registered route and the access it declared. */
export type RouteRecord = { method: string; url: string; access: Access | undefined };

/** The secret a machine offers: `Authorization: Bearer …`, `x-api-key` or Firehose's access key. */
export function offeredSecret(headers: FastifyRequest['headers']): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
  if (bearer) return bearer;
  for (const header of ['x-api-key', 'x-amz-firehose-access-key']) {
    const value = headers[header];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** The signed-in identity of a request whose route let it through (routes that are not public). */
export function identityOf(request: FastifyRequest): Identity {
  if (request.caller.kind !== 'identified') throw new HttpError(401, 'sign in first');
  return request.caller.identity;
}

/** The browser origin a cookie-carrying request must come from (CSRF). */
export type OriginCheck = (request: FastifyRequest) => boolean;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Decides who is calling once, in an `onRequest` hook, before any body is read, and refuses what
 * the route does not let through: 401 without a credential, 403 for a role without the route's
 * capability (audited), 403 for a cookie-carrying change from another origin (CSRF), and 403 for
 * anything but the password change while a one-time password is in use.
 */
export function registerCallerCheck(
  app: FastifyInstance,
  deps: { auth: Pick<AuthService, 'resolve'>; audit: Audit; sameOrigin: OriginCheck },
): void {
  // Decorated with null (Fastify's advice for reference values) and set for every request below.
  app.decorateRequest('caller', null as never);
  const routeTable: RouteRecord[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routeTable.push({ method, url: route.url, access: route.config?.access });
  });
  app.addHook('onRequest', async (request) => {
    const bearer = offeredSecret(request.headers);
    const credentials: Credentials = bearer
      ? { bearer }
      : { sessionId: request.cookies[SESSION_COOKIE] ?? undefined };
    request.caller =
      credentials.bearer || credentials.sessionId ? await deps.auth.resolve(credentials) : ANONYMOUS;

    const access = request.routeOptions.config?.access;
    if (access === 'public') return;
    if (access === undefined) {
      // Unknown paths fall through to the not-found handler; a route without a rule is refused.
      if (request.routeOptions.url === undefined) return;
      throw new HttpError(403, 'this route has no access rule');
    }
    if (request.caller.kind !== 'identified') {
      const credential = request.routeOptions.config.credentialName;
      throw new HttpError(
        401,
        credential ? `missing or wrong ${credential}` : 'sign in first (or send an API token)',
      );
    }
    const identity = request.caller.identity;
    if (identity.sessionHash && UNSAFE.has(request.method) && !deps.sameOrigin(request))
      throw new HttpError(403, 'a change from another site is refused (its Origin is not this dashboard)');
    if (access === 'signed-in') return;
    if (identity.mustChangePassword) throw new HttpError(403, 'change your one-time password first');
    if (!can(identity.role, access.capability)) {
      await deps.audit.record({
        actor: identity.name,
        action: 'denied',
        outcome: 'denied',
        target: `${request.method} ${request.routeOptions.url}`,
        ip: request.ip,
        detail: `role ${identity.role} lacks ${access.capability}`,
      });
      throw new HttpError(403, `the ${identity.role} role may not do this (${access.capability})`);
    }
  });
}
