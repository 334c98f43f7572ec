import { z } from 'zod';

/** What the audit log records: each kind of entry (`GET /api/audit?action=` filters by one). */
export const AuditActionSchema = z.enum([
  'sign-in',
  'sign-out',
  'password-change',
  'ack',
  'user-add',
  'user-passwd',
  'user-remove',
  'token-create',
  'token-revoke',
  'denied',
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** An entry as `GET /api/audit` serves it: `seq` orders (and pages) the log, newest first. */
export const AuditEntryViewSchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime({ offset: true }),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  outcome: z.enum(['ok', 'failed', 'denied']),
  ip: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;

/** One page of the audit log; `next` is the `before` of the following (older) page, or null. */
export const AuditPageSchema = z.object({
  entries: z.array(AuditEntryViewSchema),
  next: z.number().int().positive().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** A local user as `GET /api/admin/users` shows it: never a password hash. */
export const UserViewSchema = z.object({
  name: z.string(),
  role: z.string(),
  queues: z.array(z.string()),
  groups: z.array(z.string()),
  mustChangePassword: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  lastSignInAt: z.iso.datetime({ offset: true }).nullable(),
});
export type UserView = z.infer<typeof UserViewSchema>;

/** An API token as `GET /api/admin/tokens` shows it: never the secret or its digest. */
export const TokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  queues: z.array(z.string()),
  groups: z.array(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.string(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TokenView = z.infer<typeof TokenViewSchema>;
