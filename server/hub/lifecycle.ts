import {
  archiveConference,
  endStaleConference,
  longHoldSince,
  pruneEngine,
  type EngineState,
} from '@/lib/conference';

export type LifecycleSettings = { endedGraceMs: number; staleMs: number };

/** The hub's own bookkeeping, in sidecar-clock time. */
export type Bookkeeping = {
  /** When the hub first saw each ended conference (E4 grace). */
  endedSeen: Map<string, number>;
  /** When it last heard anything of each live conference (E5). */
  lastHeard: Map<string, number>;
  /** Conferences whose board picture shows a long hold (A3). */
  longHoldShown: Set<string>;
  /** Conferences changed since the last tick: only these can have ended or put the caller on hold. */
  changed: Set<string>;
  /** Conferences whose caller is on hold: the only ones a long hold can begin on. */
  holding: Set<string>;
};

export function createBookkeeping(): Bookkeeping {
  return {
    endedSeen: new Map(),
    lastHeard: new Map(),
    longHoldShown: new Set(),
    changed: new Set(),
    holding: new Set(),
  };
}

/** Forgets a conference that went to history. */
export function forget(bookkeeping: Bookkeeping, id: string): void {
  bookkeeping.endedSeen.delete(id);
  bookkeeping.lastHeard.delete(id);
  bookkeeping.longHoldShown.delete(id);
  bookkeeping.changed.delete(id);
  bookkeeping.holding.delete(id);
}

/** What the hub must do after a tick: the engine is updated, the I/O is the caller's. */
export type TickPlan = {
  /** Ended, listed conferences past their grace time: write to history, then archive. */
  toArchive: string[];
  /** Conferences whose board picture changed with time alone (stale end, long hold begins). */
  changed: string[];
  orphansDropped: number;
};

/**
 * The clock-driven part of the lifecycle (E4, E5, A3, O4). A tick looks at the conferences that
 * changed since the last one and at the few that wait on the clock (ended, on hold, quiet), never
 * at every conference: with thousands live, reading each one every second would cost more than
 * the traffic.
 */
export function planTick(
  engine: EngineState,
  settings: LifecycleSettings,
  book: Bookkeeping,
  now: number,
): TickPlan {
  const plan: TickPlan = { toArchive: [], changed: [], orphansDropped: 0 };
  for (const id of book.changed) {
    const record = engine.conferences.get(id);
    if (!record || record.archivedAt !== undefined) continue;
    const model = record.model;
    if (model.endedAt === undefined) book.endedSeen.delete(id);
    else if (!book.endedSeen.has(id)) book.endedSeen.set(id, now);
    if (model.participants.get(`c:${id}`)?.onHold && model.endedAt === undefined) book.holding.add(id);
  }
  book.changed.clear();

  for (const [id, heard] of book.lastHeard) {
    if (now - heard < settings.staleMs) continue;
    const record = engine.conferences.get(id);
    if (
      record &&
      record.archivedAt === undefined &&
      endStaleConference(engine, id, record.model.lastEventAt)
    ) {
      plan.changed.push(id);
      book.endedSeen.set(id, now);
    }
    book.lastHeard.delete(id);
  }

  for (const [id, seen] of book.endedSeen) {
    const record = engine.conferences.get(id);
    if (!record || record.archivedAt !== undefined) {
      book.endedSeen.delete(id);
    } else if (record.model.listedAt === undefined) {
      // Never a conference (no agent ever answered): nothing to show or to keep.
      archiveConference(engine, id, now);
      forget(book, id);
    } else if (now - seen >= settings.endedGraceMs) {
      plan.toArchive.push(id);
    }
  }

  for (const id of new Set([...book.holding, ...book.longHoldShown])) {
    const record = engine.conferences.get(id);
    const model = record && record.archivedAt === undefined ? record.model : undefined;
    const long = model !== undefined && longHoldSince(model, engine.settings.longHoldMs, now) !== undefined;
    if (!model || !model.participants.get(`c:${id}`)?.onHold || model.endedAt !== undefined)
      book.holding.delete(id);
    if (long === book.longHoldShown.has(id)) continue;
    if (long) book.longHoldShown.add(id);
    else book.longHoldShown.delete(id);
    plan.changed.push(id);
  }

  plan.orphansDropped = pruneEngine(engine, now).orphansDropped;
  return plan;
}
