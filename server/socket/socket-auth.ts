import { fastifyCookie } from '@fastify/cookie';
import type { Audit } from '@/server/auth/audit';
import type { AuthService } from '@/server/auth/auth-service';
import type { Identity } from '@/server/auth/identity';
import { can } from '@/server/auth/roles';
import { SESSION_COOKIE } from '@/server/http/caller';
import type { Handshake } from './socket-server';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The Socket.IO handshake's identity, by the same resolver as HTTP: an API token (`auth: { token }`
 * or `Authorization: Bearer …`) or the session cookie. A cookie-carrying socket must come from the
 * dashboard's own origin (cross-site WebSocket hijacking), and the role must have a board.
 * Returns the identity, or why the socket is refused.
 */
export function createSocketAuthenticator(deps: {
  auth: Pick<AuthService, 'resolve'>;
  audit: Audit;
  /** The dashboard's origin for a cookie-carrying handshake. */
  originAllowed: (origin: string | undefined, headers: Handshake['headers']) => boolean;
}) {
  return async ({ headers, token }: Handshake): Promise<Identity | string> => {
    const bearer = token ?? /^Bearer\s+(.+)$/i.exec(first(headers.authorization) ?? '')?.[1]?.trim();
    const sessionId = bearer ? undefined : fastifyCookie.parse(first(headers.cookie) ?? '')[SESSION_COOKIE];
    if (!bearer && !sessionId) return 'sign in first';
    const caller = await deps.auth.resolve(bearer ? { bearer } : { sessionId });
    if (caller.kind !== 'identified')
      return bearer ? 'that token is not valid' : 'your session has ended; sign in again';
    const identity = caller.identity;
    if (identity.sessionHash && !deps.originAllowed(first(headers.origin), headers))
      return 'a socket from another site is refused';
    if (identity.mustChangePassword) return 'change your one-time password first';
    if (!can(identity.role, 'board:read') && !can(identity.role, 'wallboard:read')) {
      await deps.audit.record({
        actor: identity.name,
        action: 'denied',
        outcome: 'denied',
        target: 'socket',
        detail: `role ${identity.role} has no board`,
      });
      return `the ${identity.role} role has no live board`;
    }
    return identity;
  };
}
