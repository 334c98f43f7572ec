import { z } from 'zod';

/** A scope as the store keeps it: queue and hierarchy group names or ARNs (empty: no restriction). */
export const StoredScopeSchema = z.object({
  queues: z.array(z.string().min(1).max(512)).max(500),
  groups: z.array(z.string().min(1).max(512)).max(500),
});
export type StoredScope = z.infer<typeof StoredScopeSchema>;

const name = z.string().min(1).max(128);
const epoch = z.number().int().nonnegative();
const role = z.string().min(1).max(32);

export const UserRecordSchema = z.object({
  name,
  passwordHash: z.string().min(1).max(512),
  role,
  scope: StoredScopeSchema,
  mustChangePassword: z.boolean(),
  createdAt: epoch,
  updatedAt: epoch,
  lastSignInAt: epoch.nullable(),
});
export type UserRecord = z.infer<typeof UserRecordSchema>;

export const TokenRecordSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{12}$/),
  name,
  role,
  scope: StoredScopeSchema,
  secretHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: epoch,
  createdBy: name,
  revokedAt: epoch.nullable(),
});
export type TokenRecord = z.infer<typeof TokenRecordSchema>;

/** A signed-in browser: a person (password or OpenID Connect) or a kiosk that showed a token. */
export const SessionRecordSchema = z.object({
  idHash: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(['password', 'oidc', 'token']),
  subject: name,
  role,
  scope: StoredScopeSchema,
  tokenId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: epoch,
  lastSeenAt: epoch,
  expiresAt: epoch,
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

export const AuditOutcomeSchema = z.enum(['ok', 'failed', 'denied']);

export const AuditEntrySchema = z.object({
  at: epoch,
  actor: z.string().min(1).max(256),
  action: z.string().min(1).max(64),
  target: z.string().max(512).nullable(),
  outcome: AuditOutcomeSchema,
  ip: z.string().max(64).nullable(),
  detail: z.string().max(2_000).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type LoggedAuditEntry = AuditEntry & { seq: number };
