import {
  archiveConference,
  endStaleConference,
  longHoldSince,
  pruneEngine,
  type EngineState,
} from '@/lib/conference';

export type LifecycleSettings = { endedGraceMs: number; staleMs: number };

/** What the hub must do after a tick: the engine is updated, the I/O is the caller's. */
export type TickPlan = {
  /** Ended, listed conferences past their grace time: write to history, then archive. */
  toArchive: string[];
  /** Conferences whose board picture changed with time alone (stale end, long hold begins). */
  changed: string[];
  orphansDropped: number;
};

/**
 * The clock-driven part of the lifecycle (E4, E5, A3, O4). `endedSeen` and `lastHeard` are the
 * hub's own bookkeeping in sidecar-clock time: when it first saw a conference ended, and when it
 * last heard anything of it.
 */
export function planTick(
  engine: EngineState,
  settings: LifecycleSettings,
  bookkeeping: { endedSeen: Map<string, number>; lastHeard: Map<string, number>; longHoldShown: Set<string> },
  now: number,
): TickPlan {
  const plan: TickPlan = { toArchive: [], changed: [], orphansDropped: 0 };
  const { endedSeen, lastHeard, longHoldShown } = bookkeeping;
  for (const [id, record] of engine.conferences) {
    if (record.archivedAt !== undefined) continue;
    const model = record.model;
    if (model.endedAt === undefined) {
      endedSeen.delete(id);
      const heard = lastHeard.get(id) ?? now;
      if (now - heard >= settings.staleMs && endStaleConference(engine, id, model.lastEventAt)) {
        plan.changed.push(id);
        endedSeen.set(id, now);
      }
    } else if (!endedSeen.has(id)) {
      endedSeen.set(id, now);
    }
    if (model.listedAt === undefined && model.endedAt !== undefined) {
      // Never a conference (no agent ever answered): nothing to show or to keep.
      archiveConference(engine, id, now);
      endedSeen.delete(id);
      continue;
    }
    const seen = endedSeen.get(id);
    if (seen !== undefined && now - seen >= settings.endedGraceMs) plan.toArchive.push(id);
    const holding = longHoldSince(model, engine.settings.longHoldMs, now) !== undefined;
    if (holding !== longHoldShown.has(id)) {
      if (holding) longHoldShown.add(id);
      else longHoldShown.delete(id);
      plan.changed.push(id);
    }
  }
  plan.orphansDropped = pruneEngine(engine, now).orphansDropped;
  return plan;
}
