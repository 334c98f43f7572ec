import { affectedRoots, type EngineState } from './engine';
import type { DomainEvent } from './events';
import type { EngineSettings } from './types';

/** How many live conferences and waiting roots (O4) the engine holds at most (L1). */
export type AdmissionLimits = Required<Pick<EngineSettings, 'maxLiveConferences' | 'maxPendingRoots'>>;

export type RefusalReason = 'live-conferences' | 'pending-roots';

export type Admission = { ok: true } | { ok: false; reason: RefusalReason };

const ADMITTED: Admission = { ok: true };

/**
 * L1: whether applying `event` would start a new conference beyond `maxLiveConferences`, or a new
 * root waiting for its conference (O4) beyond `maxPendingRoots`. A read-only query, asked before
 * the event is filed in the log: a refused event must not come back with a restart's replay.
 *
 * L2: only what is new is refused. An event that also concerns a conference or a waiting root
 * already held is admitted (a limit never costs a held call its updates; such an event adds at most
 * the roots it names, 50 for an agent snapshot), and so is one for a call already in history.
 */
export function admitEvent(
  state: EngineState,
  event: DomainEvent,
  limits: AdmissionLimits = state.settings,
): Admission {
  return createBatchAdmission(state, limits)(event);
}

/**
 * `admitEvent` for the events of one batch, which are all admitted before any is applied: what the
 * batch has already admitted counts against the limits as if it were held (L1), so a batch cannot
 * carry the engine past them.
 */
export function createBatchAdmission(
  state: EngineState,
  limits: AdmissionLimits = state.settings,
): (event: DomainEvent) => Admission {
  const newLive = new Set<string>();
  const newPending = new Set<string>();
  return (event) => {
    if (event.source === 'contact' && event.contactId === event.rootId) {
      // M2: any event on the root leg creates its conference.
      const root = event.rootId;
      if (state.conferences.has(root) || state.tombstones.has(root) || newLive.has(root)) return ADMITTED;
      if (liveConferences(state) + newLive.size >= limits.maxLiveConferences)
        return { ok: false, reason: 'live-conferences' };
      newLive.add(root);
      return ADMITTED;
    }
    const roots = affectedRoots(state, event);
    const held = (root: string) =>
      state.conferences.has(root) ||
      state.pending.has(root) ||
      state.tombstones.has(root) ||
      newLive.has(root) ||
      newPending.has(root);
    if (roots.length === 0 || roots.some(held)) return ADMITTED;
    if (state.pending.size + newPending.size >= limits.maxPendingRoots)
      return { ok: false, reason: 'pending-roots' };
    for (const root of roots) newPending.add(root);
    return ADMITTED;
  };
}

/** Conferences held and not yet in history (archived records stay a while for late facts, O4). */
export function liveConferences(state: EngineState): number {
  return state.conferences.size - state.archived.size;
}

/** Counts a refusal the caller acted on (admission itself changes nothing). */
export function countRefusal(state: EngineState, reason: RefusalReason): void {
  if (reason === 'live-conferences') state.stats.refusedConferences += 1;
  else state.stats.refusedPending += 1;
}
