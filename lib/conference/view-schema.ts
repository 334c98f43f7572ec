import { z } from 'zod';
import {
  AlertKindSchema,
  AlertSeveritySchema,
  ConferenceModeSchema,
  EndReasonSchema,
  LegLabelSchema,
  LegStatusSchema,
  ParticipantRoleSchema,
  ParticipantStateSchema,
  TimelineKindSchema,
} from './enums';
import { InitiationMethodSchema, MonitorModeSchema } from './events';

/**
 * The served view of a conference, as schemas: the one definition of its shape. The engine builds
 * values of the inferred types, the sidecar serves them, history stores and parses them, the browser
 * parses what it fetches. Key order here is the order the engine writes them in.
 */

/** A source time as ISO-8601 (UTC). */
export const IsoTimeSchema = z.iso.datetime();
export type IsoTime = z.infer<typeof IsoTimeSchema>;
const isoOrNull = IsoTimeSchema.nullable();
const count = z.number().int().nonnegative();

export const IntervalViewSchema = z.object({ from: IsoTimeSchema, to: isoOrNull });
export type IntervalView = z.infer<typeof IntervalViewSchema>;

/** One level of an agent's hierarchy (issue 11's group scope keys); the name where agent events gave it. */
export const HierarchyGroupViewSchema = z.object({
  level: z.number().int().min(1).max(5),
  arn: z.string().min(1),
  name: z.string().nullable(),
});
export type HierarchyGroupView = z.infer<typeof HierarchyGroupViewSchema>;

export const ParticipantViewSchema = z.object({
  id: z.string().min(1),
  role: ParticipantRoleSchema,
  primary: z.boolean(),
  contactId: z.string().min(1),
  agentArn: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  name: z.string().nullable(),
  state: ParticipantStateSchema,
  muted: z.boolean().nullable(),
  forcedMute: z.boolean().nullable(),
  monitorMode: MonitorModeSchema.nullable(),
  ccpOnly: z.boolean(),
  addedBy: z.string().nullable(),
  dialingAt: isoOrNull,
  joinedAt: isoOrNull,
  leftAt: isoOrNull,
  holds: z.array(IntervalViewSchema),
  mutes: z.array(IntervalViewSchema),
  /** The agent's or supervisor's groups, by level; empty for other parties (and in older history). */
  hierarchyGroups: z.array(HierarchyGroupViewSchema).default([]),
});
export type ParticipantView = z.infer<typeof ParticipantViewSchema>;

/** A decision with the rule that settles it. */
export const RuleDecisionSchema = z.object({ allowed: z.boolean(), rule: z.string(), reason: z.string() });
export type RuleDecision = z.infer<typeof RuleDecisionSchema>;

export const QueueViewSchema = z.object({ arn: z.string().min(1), name: z.string().nullable() });
export type QueueView = z.infer<typeof QueueViewSchema>;

export const AlertViewSchema = z.object({
  kind: AlertKindSchema,
  severity: AlertSeveritySchema,
  since: IsoTimeSchema,
});
export type AlertView = z.infer<typeof AlertViewSchema>;

export const AlertHistoryViewSchema = z.object({
  kind: AlertKindSchema,
  severity: AlertSeveritySchema,
  raisedAt: IsoTimeSchema,
  clearedAt: isoOrNull,
});
export type AlertHistoryView = z.infer<typeof AlertHistoryViewSchema>;

export const TimelineEntryViewSchema = z.object({
  at: IsoTimeSchema,
  kind: TimelineKindSchema,
  participantId: z.string().nullable(),
  alert: AlertKindSchema.nullable(),
});
export type TimelineEntryView = z.infer<typeof TimelineEntryViewSchema>;

export const ContactTreeViewSchema = z.object({
  contactId: z.string().min(1),
  previousContactId: z.string().nullable(),
  nextContactId: z.string().nullable(),
  method: InitiationMethodSchema.nullable(),
  participantIds: z.array(z.string()),
  status: LegStatusSchema,
  label: LegLabelSchema.nullable(),
  initiatedAt: isoOrNull,
  connectedAt: isoOrNull,
  disconnectedAt: isoOrNull,
  contactLens: z.boolean().nullable(),
  get children(): z.ZodArray<typeof ContactTreeViewSchema> {
    return z.array(ContactTreeViewSchema);
  },
});
export type ContactTreeView = z.infer<typeof ContactTreeViewSchema>;

/** One conference as the sidecar serves it over HTTP and Socket.IO, and as history keeps it. */
export const ConferenceViewSchema = z.object({
  id: z.string().min(1),
  mode: ConferenceModeSchema,
  state: z.enum(['active', 'ended']),
  endReason: EndReasonSchema.nullable(),
  cap: count,
  activeParticipants: count,
  slotsLeft: count,
  dialing: z.boolean(),
  swapAvailable: z.boolean(),
  canAdd: RuleDecisionSchema,
  contactLens: z.boolean(),
  queue: QueueViewSchema.nullable(),
  /** Every queue any leg was in, in the order first seen (empty in history written before it). */
  queues: z.array(QueueViewSchema).default([]),
  startedAt: IsoTimeSchema,
  listedAt: isoOrNull,
  endedAt: isoOrNull,
  lastEventAt: IsoTimeSchema,
  peakParticipants: count,
  participants: z.array(ParticipantViewSchema),
  alerts: z.array(AlertViewSchema),
  alertHistory: z.array(AlertHistoryViewSchema),
  contactTree: ContactTreeViewSchema,
  timeline: z.array(TimelineEntryViewSchema),
});

export type ConferenceView = z.infer<typeof ConferenceViewSchema>;

/** The view without its history parts (alert history, contact tree, timeline): what a board needs. */
export type ConferenceCore = Omit<ConferenceView, 'alertHistory' | 'contactTree' | 'timeline'>;
