import { z } from 'zod';
import {
  AlertKindSchema,
  ConferenceViewObjectSchema,
  ConferenceViewSchema,
  iso,
  ParticipantViewSchema,
  SeveritySchema,
} from './conference-view-schema';
import type { ConferenceChange, ConferenceSummary, ParticipantSummary } from './summary';

export const ParticipantSummarySchema: z.ZodType<ParticipantSummary> = ParticipantViewSchema.omit({
  holds: true,
  mutes: true,
}).extend({ holdSince: iso.nullable() });

const ConferenceSummaryObjectSchema = ConferenceViewObjectSchema.omit({
  timeline: true,
  alertHistory: true,
  contactTree: true,
  participants: true,
}).extend({ participants: z.array(ParticipantSummarySchema) });

export const ConferenceSummarySchema: z.ZodType<ConferenceSummary> = ConferenceSummaryObjectSchema;

/** The fields of a published summary that changed, with its id: what a patch carries for a known card. */
export const ConferenceChangeSchema: z.ZodType<ConferenceChange> = ConferenceSummaryObjectSchema.partial()
  .omit({ id: true })
  .extend({ id: z.string().min(1) });

export const AlertAckSchema = z.object({
  conferenceId: z.string().min(1).max(256),
  kind: AlertKindSchema,
  /** The raising being acknowledged (an alert raised again later is a new one). */
  raisedAt: iso,
  by: z.string().trim().min(1).max(80),
  at: iso,
});
export type AlertAck = z.infer<typeof AlertAckSchema>;

export const AckRequestSchema = AlertAckSchema.omit({ at: true });
export type AckRequest = z.infer<typeof AckRequestSchema>;

export const AckResultSchema = z.union([
  z.object({ ok: z.literal(true), ack: AlertAckSchema }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type AckResult = z.infer<typeof AckResultSchema>;

export const AlertChangeSchema = z.object({
  conferenceId: z.string().min(1),
  kind: AlertKindSchema,
  severity: SeveritySchema,
  since: iso,
  change: z.enum(['raised', 'cleared']),
});
export type AlertChange = z.infer<typeof AlertChangeSchema>;

export const BoardSnapshotSchema = z.object({
  seq: z.number().int().nonnegative(),
  serverTime: iso,
  conferences: z.array(ConferenceSummarySchema),
  acks: z.array(AlertAckSchema),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>;

export const BoardPatchSchema = z.object({
  seq: z.number().int().positive(),
  serverTime: iso,
  /** Conferences new to the board (or pushed whole): the full summary. */
  upserts: z.array(ConferenceSummarySchema),
  /** Conferences already on the board: only what changed since the last patch that carried them. */
  changes: z.array(ConferenceChangeSchema),
  removed: z.array(z.string()),
  alerts: z.array(AlertChangeSchema),
  acks: z.array(AlertAckSchema),
});
export type BoardPatch = z.infer<typeof BoardPatchSchema>;

export const ConferenceDetailSchema = z.object({
  serverTime: iso,
  /** null: the conference is not (or no longer) known to the sidecar. */
  conference: ConferenceViewSchema.nullable(),
  id: z.string().min(1),
});
export type ConferenceDetail = z.infer<typeof ConferenceDetailSchema>;

export const WatchRequestSchema = z.object({ id: z.string().min(1).max(256) });
export type WatchRequest = z.infer<typeof WatchRequestSchema>;
