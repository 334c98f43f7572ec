import { z } from 'zod';
import {
  ConferenceViewSchema,
  IsoTimeSchema,
  ParticipantViewSchema,
  type ConferenceCore,
  type ConferenceView,
  type ParticipantView,
} from '@/lib/conference';

/**
 * A party as a board card needs it: no hold and mute history, just when the current hold began; no
 * hierarchy groups (scope is decided by the sidecar, not by the card).
 */
export const ParticipantSummarySchema = ParticipantViewSchema.omit({
  holds: true,
  mutes: true,
  hierarchyGroups: true,
}).extend({ holdSince: IsoTimeSchema.nullable() });
export type ParticipantSummary = z.infer<typeof ParticipantSummarySchema>;

/** A conference as the board needs it: the view without its timeline, alert history, tree and queue list. */
export const ConferenceSummarySchema = ConferenceViewSchema.omit({
  queues: true,
  timeline: true,
  alertHistory: true,
  contactTree: true,
  participants: true,
}).extend({ participants: z.array(ParticipantSummarySchema) });
export type ConferenceSummary = z.infer<typeof ConferenceSummarySchema>;

/** The fields of a published summary that changed, with its id: what a patch carries for a known card. */
export const ConferenceChangeSchema = ConferenceSummarySchema.partial()
  .omit({ id: true })
  .extend({ id: z.string().min(1) });
/** A published summary's changed top-level fields, by id; absent fields are as last pushed. */
export type ConferenceChange = z.infer<typeof ConferenceChangeSchema>;

/**
 * What changed from one published summary to the next, field by field at the top level (a changed
 * party list goes whole); undefined when nothing did. Every field of a summary is always present
 * (absent values are null), so a change can always be applied by spreading it over the old one.
 */
export function diffSummary(
  before: ConferenceSummary,
  after: ConferenceSummary,
): ConferenceChange | undefined {
  const change: Record<string, unknown> = { id: after.id };
  let changed = false;
  for (const key of Object.keys(after) as (keyof ConferenceSummary)[]) {
    if (key === 'id' || sameJson(before[key], after[key])) continue;
    change[key] = after[key];
    changed = true;
  }
  return changed ? (change as ConferenceChange) : undefined;
}

/** Deep equality of JSON-shaped values (objects, arrays, strings, numbers, booleans, null). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak)
    if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** Shrinks a view to what a board card shows; the detail page asks for the full view. */
export function toConferenceSummary(view: ConferenceCore | ConferenceView): ConferenceSummary {
  const { participants } = view;
  return {
    id: view.id,
    mode: view.mode,
    state: view.state,
    endReason: view.endReason,
    cap: view.cap,
    activeParticipants: view.activeParticipants,
    slotsLeft: view.slotsLeft,
    dialing: view.dialing,
    swapAvailable: view.swapAvailable,
    canAdd: view.canAdd,
    contactLens: view.contactLens,
    queue: view.queue,
    startedAt: view.startedAt,
    listedAt: view.listedAt,
    endedAt: view.endedAt,
    lastEventAt: view.lastEventAt,
    peakParticipants: view.peakParticipants,
    alerts: view.alerts,
    participants: participants.map(toParticipantSummary),
  };
}

function toParticipantSummary(p: ParticipantView): ParticipantSummary {
  const { holds, mutes: _m, hierarchyGroups: _g, ...rest } = p;
  const last = holds[holds.length - 1];
  return { ...rest, holdSince: p.state === 'hold' && last && last.to === null ? last.from : null };
}
