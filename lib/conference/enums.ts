import { z } from 'zod';

/**
 * The closed sets of words the engine and its view use. Each is a zod enum, and its type is inferred
 * from it, so the engine, the wire contract and history's parser cannot disagree on a member.
 */

/** `multi-party` (instance attribute MULTI_PARTY_CONFERENCE on) or Connect's default `three-party`. */
export const ConferenceModeSchema = z.enum(['multi-party', 'three-party']);
export type ConferenceMode = z.infer<typeof ConferenceModeSchema>;

export const ParticipantRoleSchema = z.enum(['customer', 'agent', 'external', 'supervisor']);
export type ParticipantRole = z.infer<typeof ParticipantRoleSchema>;

/** What a supervisor sees: the stage, with `hold` standing in for connected-and-held. */
export const ParticipantStateSchema = z.enum(['dialing', 'connected', 'hold', 'disconnected']);
export type ParticipantState = z.infer<typeof ParticipantStateSchema>;

export const AlertKindSchema = z.enum([
  'cap-reached',
  'contact-lens-conflict',
  'long-hold',
  'no-agent',
  'caller-dropped',
  'primary-left',
  'cap-exceeded',
]);
export type AlertKind = z.infer<typeof AlertKindSchema>;

export const AlertSeveritySchema = z.enum(['info', 'warning', 'critical']);
export type AlertSeverity = z.infer<typeof AlertSeveritySchema>;

export const TimelineKindSchema = z.enum([
  'dialing',
  'joined',
  'left',
  'hold',
  'resume',
  'muted',
  'unmuted',
  'force-muted',
  'force-unmuted',
  'alert-raised',
  'alert-cleared',
  'ended',
]);
export type TimelineKind = z.infer<typeof TimelineKindSchema>;

export const EndReasonSchema = z.enum(['completed', 'stale']);
export type EndReason = z.infer<typeof EndReasonSchema>;

/** A leg as it is now (R29: while live, only what it is now can be known). */
export const LegStatusSchema = z.enum(['dialing', 'joined', 'left']);
export type LegStatus = z.infer<typeof LegStatusSchema>;

/** What a leg turned out to be, once it and the leg that invited it have ended (R29). */
export const LegLabelSchema = z.enum(['initial', 'consult', 'conference', 'transfer']);
export type LegLabel = z.infer<typeof LegLabelSchema>;
