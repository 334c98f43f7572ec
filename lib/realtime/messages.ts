import { z } from 'zod';
import {
  AlertKindSchema,
  AlertSeveritySchema,
  ConferenceViewSchema,
  IdSchema,
  IsoTimeSchema,
  MAX_PERSON_NAME_LENGTH,
} from '@/lib/conference';
import { ConferenceChangeSchema, ConferenceSummarySchema } from './summary';

/** One acknowledgement of one raising of one alert: the one definition, for the wire and the store. */
export const AlertAckSchema = z.object({
  conferenceId: IdSchema,
  kind: AlertKindSchema,
  /** The raising being acknowledged (an alert raised again later is a new one). */
  raisedAt: IsoTimeSchema,
  /** The signed-in user's or token's name. */
  by: z.string().trim().min(1).max(MAX_PERSON_NAME_LENGTH),
  at: IsoTimeSchema,
});
export type AlertAck = z.infer<typeof AlertAckSchema>;

/** Who acknowledges is the signed-in caller, never a name in the request (a `by` sent is ignored). */
export const AckRequestSchema = AlertAckSchema.omit({ at: true, by: true });
export type AckRequest = z.infer<typeof AckRequestSchema>;

export const AckResultSchema = z.union([
  z.object({ ok: z.literal(true), ack: AlertAckSchema }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type AckResult = z.infer<typeof AckResultSchema>;

export const AlertChangeSchema = z.object({
  conferenceId: z.string().min(1),
  kind: AlertKindSchema,
  severity: AlertSeveritySchema,
  since: IsoTimeSchema,
  change: z.enum(['raised', 'cleared']),
});
export type AlertChange = z.infer<typeof AlertChangeSchema>;

export const BoardSnapshotSchema = z.object({
  seq: z.number().int().nonnegative(),
  serverTime: IsoTimeSchema,
  conferences: z.array(ConferenceSummarySchema),
  acks: z.array(AlertAckSchema),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>;

export const BoardPatchSchema = z.object({
  seq: z.number().int().positive(),
  serverTime: IsoTimeSchema,
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
  serverTime: IsoTimeSchema,
  /** null: the conference is not (or no longer) known to the sidecar. */
  conference: ConferenceViewSchema.nullable(),
  id: z.string().min(1),
});
export type ConferenceDetail = z.infer<typeof ConferenceDetailSchema>;

export const WatchRequestSchema = z.object({ id: z.string().min(1).max(256) });
export type WatchRequest = z.infer<typeof WatchRequestSchema>;
