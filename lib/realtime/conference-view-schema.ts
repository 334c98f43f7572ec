import { z } from 'zod';
import {
  InitiationMethodSchema,
  MonitorModeSchema,
  type AlertKind,
  type AlertSeverity,
  type ConferenceMode,
  type ConferenceView,
  type ContactTreeView,
  type EndReason,
  type LegLabel,
  type LegStatus,
  type ParticipantRole,
  type ParticipantState,
  type TimelineKind,
} from '@/lib/conference';

/**
 * `z.enum` over exactly the members of `T`. A member the engine adds later and this list lacks is a
 * type error here, rather than history writes failing at run time.
 */
function enumOf<T extends string>() {
  return <const V extends readonly [T, ...T[]]>(values: V & ([T] extends [V[number]] ? unknown : never)) =>
    z.enum(values);
}

export const iso = z.iso.datetime();
const isoOrNull = iso.nullable();
const count = z.number().int().nonnegative();

export const ConferenceModeSchema = enumOf<ConferenceMode>()(['multi-party', 'three-party']);
const EndReasonSchema = enumOf<EndReason>()(['completed', 'stale']);
const RoleSchema = enumOf<ParticipantRole>()(['customer', 'agent', 'external', 'supervisor']);
const StateSchema = enumOf<ParticipantState>()(['dialing', 'connected', 'hold', 'disconnected']);
export const SeveritySchema = enumOf<AlertSeverity>()(['info', 'warning', 'critical']);
const LegStatusSchema = enumOf<LegStatus>()(['dialing', 'joined', 'left']);
const LegLabelSchema = enumOf<LegLabel>()(['initial', 'consult', 'conference', 'transfer']);
export const AlertKindSchema = enumOf<AlertKind>()([
  'cap-reached',
  'contact-lens-conflict',
  'long-hold',
  'no-agent',
  'caller-dropped',
  'primary-left',
  'cap-exceeded',
]);
const TimelineKindSchema = enumOf<TimelineKind>()([
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

const IntervalViewSchema = z.object({ from: iso, to: isoOrNull });

export const ParticipantViewSchema = z.object({
  id: z.string().min(1),
  role: RoleSchema,
  primary: z.boolean(),
  contactId: z.string().min(1),
  agentArn: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  name: z.string().nullable(),
  state: StateSchema,
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
});

const ContactTreeViewSchema: z.ZodType<ContactTreeView> = z.object({
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
  get children(): z.ZodArray<z.ZodType<ContactTreeView>> {
    return z.array(ContactTreeViewSchema);
  },
});

export const ConferenceViewObjectSchema = z.object({
  id: z.string().min(1),
  mode: ConferenceModeSchema,
  state: z.enum(['active', 'ended']),
  endReason: EndReasonSchema.nullable(),
  cap: count,
  activeParticipants: count,
  slotsLeft: count,
  dialing: z.boolean(),
  swapAvailable: z.boolean(),
  canAdd: z.object({ allowed: z.boolean(), rule: z.string(), reason: z.string() }),
  contactLens: z.boolean(),
  queue: z.object({ arn: z.string().min(1), name: z.string().nullable() }).nullable(),
  startedAt: iso,
  listedAt: isoOrNull,
  endedAt: isoOrNull,
  lastEventAt: iso,
  peakParticipants: count,
  participants: z.array(ParticipantViewSchema),
  alerts: z.array(z.object({ kind: AlertKindSchema, severity: SeveritySchema, since: iso })),
  alertHistory: z.array(
    z.object({ kind: AlertKindSchema, severity: SeveritySchema, raisedAt: iso, clearedAt: isoOrNull }),
  ),
  contactTree: ContactTreeViewSchema,
  timeline: z.array(
    z.object({
      at: iso,
      kind: TimelineKindSchema,
      participantId: z.string().nullable(),
      alert: AlertKindSchema.nullable(),
    }),
  ),
});

/** One conference as served and as history keeps it (`ConferenceView` from the engine). */
export const ConferenceViewSchema: z.ZodType<ConferenceView> = ConferenceViewObjectSchema;
