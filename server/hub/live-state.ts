import { createEngine, type EngineSettings, type EngineState } from '@/lib/conference';
import { createSerialQueue, type SerialQueue } from './serial-queue';

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
  /** Archived conferences that late facts changed: their history record is written again (O4). */
  lateRewrites: Set<string>;
};

/**
 * Everything the hub's parts share: the engine, the bookkeeping beside it, the conferences taken
 * off the board after an unexpected error, and the queue that runs ingest batches and ticks one
 * at a time (both read and write the engine and the log; one after another keeps the log in apply
 * order). Only the hub's own modules hold it; routes and sockets get the narrow parts.
 */
export type LiveState = {
  engine: EngineState;
  book: Bookkeeping;
  /** Conferences that needed attention: id → what went wrong. They are off the board. */
  attention: Map<string, string>;
  serial: SerialQueue;
};

export function createLiveState(settings: EngineSettings): LiveState {
  return {
    engine: createEngine(settings),
    book: {
      endedSeen: new Map(),
      lastHeard: new Map(),
      longHoldShown: new Set(),
      changed: new Set(),
      holding: new Set(),
      lateRewrites: new Set(),
    },
    attention: new Map(),
    serial: createSerialQueue(),
  };
}

/** Forgets a conference that went to history. */
export function forget(book: Bookkeeping, id: string): void {
  book.endedSeen.delete(id);
  book.lastHeard.delete(id);
  book.longHoldShown.delete(id);
  book.changed.delete(id);
  book.holding.delete(id);
}
