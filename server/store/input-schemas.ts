// What callers hand the store, checked before anything is written (bad input never reaches SQL).
import { z } from 'zod';
import { DomainEventSchema, EpochMsSchema, IdSchema } from '@/lib/conference';
import { AlertAckSchema as WireAlertAckSchema } from '@/lib/realtime/messages';
import type { AlertAck, EventLogEntry, HistoryQuery, StoreConfig } from './store';

// The same bounds as the events themselves (lib/conference/bounds.ts), so the edge, the engine and
// the log agree on what a time and an id can be.
export const epochMs = EpochMsSchema;
export const idSchema = IdSchema;
export const isoTime = z.iso
  .datetime({ offset: true })
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Not a real date and time');

export const EventLogEntrySchema: z.ZodType<EventLogEntry> = z.object({
  /** Empty for an event that touches no conference; `''` is how the log spells that, not a root. */
  roots: z.array(idSchema),
  receivedAt: epochMs,
  event: DomainEventSchema,
});

export const HistoryQuerySchema: z.ZodType<HistoryQuery> = z.strictObject({
  endedFrom: epochMs.optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

/** The wire's acknowledgement, strict, with times in any ISO-8601 spelling (the store keeps epoch ms). */
export const AlertAckSchema: z.ZodType<AlertAck> = WireAlertAckSchema.extend({
  raisedAt: isoTime,
  at: isoTime,
}).strict();

/** Schema names become part of SQL (`CREATE SCHEMA`, `search_path`), so only plain identifiers pass. */
const pgIdentifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'Must be a lower-case SQL identifier');

export const StoreConfigSchema: z.ZodType<StoreConfig> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sqlite'), dataDir: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('postgres'),
    databaseUrl: z.string().min(1),
    schema: pgIdentifier.optional(),
  }),
]);
