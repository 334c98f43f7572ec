import { z } from 'zod';

/**
 * Who a caller is to confwatch. People sign in as one of the first four; the others are for
 * machines (API tokens): a Prometheus scraper, server-side ingest sources, the CCP relay in agents'
 * browsers, and a replay that may set the sidecar's clock.
 */
export const RoleSchema = z.enum([
  'admin',
  'supervisor',
  'manager',
  'wallboard',
  'metrics',
  'ingest',
  'ccp-relay',
  'replay',
]);
export type Role = z.infer<typeof RoleSchema>;

/** The roles a person (a local user or an OpenID Connect sign-in) may hold. */
export const PersonRoleSchema = RoleSchema.extract(['admin', 'supervisor', 'manager', 'wallboard']);
export type PersonRole = z.infer<typeof PersonRoleSchema>;

/** What a route or a socket event needs; each is granted to some roles, checked on the server. */
export const CAPABILITIES = {
  /** The live board and its socket feed, the detail page and its data. */
  'board:read': ['admin', 'supervisor', 'manager'],
  /** The wallboard page and the (privacy-masked) feed it shows. */
  'wallboard:read': ['admin', 'supervisor', 'manager', 'wallboard'],
  'alerts:ack': ['admin', 'supervisor'],
  'reports:read': ['admin', 'manager'],
  /** An ended conference's replay. */
  'replay:read': ['admin', 'supervisor', 'manager'],
  /** What every page needs to know about the sidecar (mode, thresholds). */
  'config:read': ['admin', 'supervisor', 'manager', 'wallboard'],
  'metrics:read': ['admin', 'metrics'],
  /** Users, tokens and the audit log. */
  admin: ['admin'],
  /** Contact events and agent events (and the CCP stream) from server-side sources. */
  'ingest:server': ['ingest', 'replay'],
  'ingest:ccp': ['ingest', 'ccp-relay', 'replay'],
  /** The `x-confwatch-source-clock` header. */
  'clock:set': ['replay'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}
