import type { Scope } from '@/server/hub/scope';
import type { StoredScope } from '@/server/store';
import type { Role } from './roles';

/**
 * Who is calling, as the pipeline decided it once per request or socket: a person signed in with a
 * password or OpenID Connect, a kiosk or script with an API token, or one of the credentials set
 * in the environment. Handlers read this, never headers.
 */
export type Identity = {
  kind: 'password' | 'oidc' | 'token' | 'env';
  /** The user name, the OIDC subject's name, or the token's name: what audit lines and acks show. */
  name: string;
  role: Role;
  scope: Scope;
  /** Set for a browser session: the digest of its id (to end it). */
  sessionHash?: string;
  /** Set when a token (directly or through a kiosk session) is behind the identity. */
  tokenId?: string;
  /** A local user still on the one-time password: only the password change is allowed. */
  mustChangePassword?: boolean;
};

export type Caller = { kind: 'anonymous' } | { kind: 'identified'; identity: Identity };

export const ANONYMOUS: Caller = { kind: 'anonymous' };

/** A stored scope as the read model takes it: no lists, no restriction. */
export function toScope(stored: StoredScope): Scope {
  return stored.queues.length === 0 && stored.groups.length === 0
    ? 'all'
    : { queues: stored.queues, groups: stored.groups };
}

/** The parts of a scope a person can read in a table or an audit line. */
export function describeScope(scope: Scope): string {
  if (scope === 'all') return 'all';
  const parts = [
    ...(scope.queues?.length ? [`queues ${scope.queues.join(', ')}`] : []),
    ...(scope.groups?.length ? [`groups ${scope.groups.join(', ')}`] : []),
  ];
  return parts.join('; ') || 'all';
}
