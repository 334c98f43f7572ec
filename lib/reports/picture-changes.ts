import { z } from 'zod';
import type { EngineState, MonitorMode, Participant } from '@/lib/conference';
import type { Fact } from '@/lib/conference/facts';
import { createModel, stepFact } from '@/lib/conference/fold';

/**
 * What the history record cannot say about a past moment, recorded as it changed: a party's mute
 * before the first CCP report (the record has mute intervals, not when mute became known), its
 * forced mute, and a supervisor's monitor mode (the record keeps only the last: a silent monitor
 * that barged later would otherwise be drawn barging, and heard, from the start).
 */
export type PictureField = 'muted' | 'forcedMute' | 'monitorMode';
export type PictureChange = {
  at: number;
  party: string;
  field: PictureField;
  value: boolean | MonitorMode | null;
};

export const PictureChangesSchema: z.ZodType<PictureChange[]> = z.array(
  z.strictObject({
    at: z.number().int().nonnegative(),
    party: z.string().min(1).max(300),
    field: z.enum(['muted', 'forcedMute', 'monitorMode']),
    value: z.union([z.boolean(), z.enum(['silent', 'barge']), z.null()]),
  }),
);

const FIELDS: readonly PictureField[] = ['muted', 'forcedMute', 'monitorMode'];

/**
 * Folds a conference's facts again, one at a time, noting each change of the three fields with
 * the time of the fact that made it. Every party starts with all three unknown (null).
 */
export function collectPictureChanges(
  id: string,
  mode: Parameters<typeof createModel>[1],
  facts: readonly Fact[],
): PictureChange[] {
  if (facts.length === 0) return [];
  const model = createModel(id, mode, facts[0]!.at);
  const seen = new Map<string, Record<PictureField, Participant[PictureField]>>();
  const changes: PictureChange[] = [];
  for (const fact of facts) {
    stepFact(model, fact);
    for (const p of model.participants.values()) {
      const last = seen.get(p.id) ?? { muted: null, forcedMute: null, monitorMode: null };
      for (const field of FIELDS) {
        if (p[field] === last[field]) continue;
        changes.push({ at: fact.at, party: p.id, field, value: p[field] });
      }
      seen.set(p.id, { muted: p.muted, forcedMute: p.forcedMute, monitorMode: p.monitorMode });
    }
  }
  return changes;
}

/** The picture changes of conferences the engine holds, for the history write. */
export function pictureChangesOf(engine: EngineState, ids: readonly string[]): Map<string, PictureChange[]> {
  const out = new Map<string, PictureChange[]>();
  for (const id of ids) {
    const record = engine.conferences.get(id);
    if (record) out.set(id, collectPictureChanges(id, record.mode, record.facts));
  }
  return out;
}

/** A field's value at `t` from the changes, or undefined when the changes say nothing of the party. */
export function valueAt(
  changes: readonly PictureChange[],
  party: string,
  field: PictureField,
  t: number,
): PictureChange['value'] | undefined {
  let value: PictureChange['value'] | undefined;
  for (const c of changes) {
    if (c.party !== party || c.field !== field) continue;
    if (c.at > t) break;
    value = c.value;
  }
  return value ?? (changes.some((c) => c.party === party) ? null : undefined);
}
