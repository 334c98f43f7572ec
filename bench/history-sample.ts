import {
  applyEvent,
  conferenceView,
  createEngine,
  type ConferenceView,
  type DomainEvent,
} from '@/lib/conference';
import { createNormalizeContext } from '@/server/ingest/normalize-context';
import { NORMALIZERS } from '@/server/ingest/streams';
import { createSimulator } from '@/server/sources/simulator';
import { DEFAULT_START_AT } from '@/server/sources/simulator/config';
import { BUSIEST_CENTRE } from './engine-stream';
import { createLifecycle, defaultHubSettings } from './hub-lifecycle';

/** A sample of the busiest centre: real ended conferences, the events around them, and their rates. */
export type CentreSample = {
  /** Views of conferences as the hub writes them to history. */
  ended: ConferenceView[];
  /** Normalized events, in delivery order, as the hub files them in its event log. */
  events: DomainEvent[];
  simulatedMs: number;
  /** Conferences archived per simulated second after the first `warmupMs`. */
  endsPerSec: number;
  eventsPerSec: number;
};

/**
 * Runs the busiest centre for `minutes` simulated minutes through the engine and the hub's
 * lifecycle, keeping each archived conference's view (what `hub.archive` writes) and every event.
 */
export function sampleBusiestCentre(minutes: number, warmupMinutes: number): CentreSample {
  const settings = defaultHubSettings();
  const engine = createEngine(settings.engine);
  const lifecycle = createLifecycle(engine, settings.lifecycle);
  const simulator = createSimulator(BUSIEST_CENTRE);
  const ended: ConferenceView[] = [];
  const events: DomainEvent[] = [];
  const warmupEnd = DEFAULT_START_AT + warmupMinutes * 60_000;
  let endsAfterWarmup = 0;
  for (let second = 1; second <= minutes * 60; second++) {
    const now = DEFAULT_START_AT + second * 1000;
    for (const item of simulator.advance(now)) {
      const normalized = NORMALIZERS[item.stream](item.payload, createNormalizeContext(now));
      if (normalized.kind !== 'event') continue;
      events.push(normalized.event);
      for (const rootId of applyEvent(engine, normalized.event, now).changed) lifecycle.heard(rootId, now);
    }
    const due = lifecycle.duePlan(now);
    for (const id of due) {
      const view = conferenceView(engine, id, now);
      if (view) ended.push(view);
    }
    lifecycle.archive(due, now);
    if (now > warmupEnd) endsAfterWarmup += due.length;
  }
  const simulatedMs = minutes * 60_000;
  return {
    ended,
    events,
    simulatedMs,
    endsPerSec: (endsAfterWarmup * 1000) / (simulatedMs - warmupMinutes * 60_000),
    eventsPerSec: (events.length * 1000) / simulatedMs,
  };
}
