import { applyEvent, createEngine, type EngineState } from '../engine';
import type { DomainEvent } from '../events';
import type { EngineSettings } from '../types';
import { toConferenceView } from '../view';
import type { ConferenceView, ParticipantView } from '../view-schema';
import { ROOT, sec } from './builders';

/** Applies `events` in the order given to a fresh engine. */
export function run(
  events: readonly DomainEvent[],
  settings: Partial<EngineSettings> = {},
  now = sec(3600),
): EngineState {
  const state = createEngine(settings);
  for (const event of events) applyEvent(state, event, now);
  return state;
}

/** The served view of conference `id` (the root by default) at `now`. */
export function viewOf(state: EngineState, now = sec(3600), id = ROOT): ConferenceView {
  const record = state.conferences.get(id);
  if (!record) throw new Error(`no conference ${id}`);
  return toConferenceView(record.model, state.settings.longHoldMs, now);
}

/** The served view at `now` of every conference the engine holds, by id. */
export function viewsOf(state: EngineState, now: number): Record<string, ConferenceView> {
  const out: Record<string, ConferenceView> = {};
  for (const [id, record] of state.conferences)
    out[id] = toConferenceView(record.model, state.settings.longHoldMs, now);
  return out;
}

export function party(view: ConferenceView, id: string): ParticipantView {
  const p = view.participants.find((x) => x.id === id);
  if (!p) throw new Error(`no participant ${id} in ${view.participants.map((x) => x.id).join(', ')}`);
  return p;
}

export const alertKinds = (view: ConferenceView): string[] => view.alerts.map((a) => a.kind).sort();
