import {
  archiveConference,
  customerOnHold,
  endStaleConference,
  liveRecord,
  longHoldSince,
  pruneEngine,
  type EngineState,
} from '@/lib/conference';
import { forget, type Bookkeeping } from './live-state';

export type LifecycleSettings = { endedGraceMs: number; staleMs: number };

/**
 * Runs one conference's share of the work, containing whatever it throws to that conference (the
 * hub marks it as needing attention and forgets its bookkeeping); the rest of the tick goes on.
 */
export type Guard = (conferenceId: string, run: () => void) => void;

/** What a tick leaves the caller to do: the engine is already aged, the I/O is the caller's. */
export type AgingResult = {
  /** Ended, listed conferences past their grace time: write to history, then archive. */
  toArchive: string[];
  /** Conferences whose board picture changed with time alone (stale end, long hold begins). */
  changed: string[];
  orphansDropped: number;
  /** Archived conferences whose records left memory: their event log rows can go. */
  dropped: string[];
};

/**
 * The clock-driven part of the lifecycle (E4, E5, A3, O4): ends stale conferences, drops calls that
 * never became conferences, ages the engine, and says which conferences are due for history and
 * which changed with time alone. It looks at the conferences that changed since the last tick and
 * at the few that wait on the clock (ended, on hold, quiet), never at every conference: with
 * thousands live, reading each one every second would cost more than the traffic.
 */
export function ageConferences(
  engine: EngineState,
  settings: LifecycleSettings,
  book: Bookkeeping,
  now: number,
  guard: Guard = (_id, run) => run(),
): AgingResult {
  const plan: AgingResult = { toArchive: [], changed: [], orphansDropped: 0, dropped: [] };
  for (const id of book.changed) {
    guard(id, () => {
      const record = liveRecord(engine, id);
      if (!record) return;
      const model = record.model;
      if (model.endedAt === undefined) book.endedSeen.delete(id);
      else if (!book.endedSeen.has(id)) book.endedSeen.set(id, now);
      if (customerOnHold(model)) book.holding.add(id);
    });
  }
  book.changed.clear();

  for (const [id, heard] of book.lastHeard) {
    if (now - heard < settings.staleMs) continue;
    book.lastHeard.delete(id);
    guard(id, () => {
      const record = liveRecord(engine, id);
      if (record && endStaleConference(engine, id, record.model.lastEventAt)) {
        plan.changed.push(id);
        book.endedSeen.set(id, now);
      }
    });
  }

  for (const [id, seen] of book.endedSeen) {
    guard(id, () => {
      const record = liveRecord(engine, id);
      if (!record) {
        book.endedSeen.delete(id);
      } else if (record.model.listedAt === undefined) {
        // Never a conference (no agent ever answered): nothing to show or to keep.
        archiveConference(engine, id, now);
        forget(book, id);
      } else if (now - seen >= settings.endedGraceMs) {
        plan.toArchive.push(id);
      }
    });
  }

  for (const id of new Set([...book.holding, ...book.longHoldShown])) {
    guard(id, () => {
      const model = liveRecord(engine, id)?.model;
      const long = model !== undefined && longHoldSince(model, engine.settings.longHoldMs, now) !== undefined;
      if (!model || !customerOnHold(model)) book.holding.delete(id);
      if (long === book.longHoldShown.has(id)) return;
      if (long) book.longHoldShown.add(id);
      else book.longHoldShown.delete(id);
      plan.changed.push(id);
    });
  }

  const pruned = pruneEngine(engine, now);
  plan.orphansDropped = pruned.orphansDropped;
  plan.dropped = pruned.dropped;
  return plan;
}
