import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyEvent, createEngine, isKnownEvent, type EngineState } from './engine';
import type { DomainEvent } from './events';
import { twoCallsArb as twoCalls } from './test-helpers/arbitrary-calls';
import { ccp, connection, contact, leg, ROOT, sec } from './test-helpers/builders';
import { PROPERTY_SEED as SEED } from './test-helpers/property-seed';
import { run, viewsOf } from './test-helpers/run';
import type { EngineSettings } from './types';

const NOW = sec(6 * 3600);
const HORIZON_MS = 20_000;
/** Small enough that the generated calls compact many times over. */
const TIGHT: Partial<EngineSettings> = { compactAfterFacts: 4, compactHorizonMs: HORIZON_MS };
const OFF: Partial<EngineSettings> = { compactAfterFacts: Infinity };

/**
 * A delivery order in which no event comes more than half the horizon (in source time) after it
 * happened: each is delayed by up to that much, and they arrive in order of arrival time.
 */
const withinHorizon = (events: readonly DomainEvent[], delays: readonly number[]): DomainEvent[] =>
  events
    .map((event, i) => ({ event, arrives: event.at + ((delays[i % delays.length] ?? 0) % (HORIZON_MS / 2)) }))
    .sort((a, b) => a.arrives - b.arrives)
    .map((d) => d.event);

const apply = (events: readonly DomainEvent[], settings: Partial<EngineSettings>): EngineState =>
  run(events, settings, NOW);
const views = (state: EngineState) => viewsOf(state, NOW);

/** One call of three parties and a CCP that reports every `everyMs` for `durationMs`. */
function chattyCall(durationMs: number, everyMs: number): DomainEvent[] {
  const events: DomainEvent[] = [
    contact('INITIATED', sec(0)),
    contact('CONNECTED_TO_AGENT', sec(2), { agent: 'alice' }),
    contact('INITIATED', sec(10), { ...leg('x1', 'EXTERNAL_OUTBOUND'), phoneNumber: '+4930111' }),
    contact('CONNECTED_TO_SYSTEM', sec(14), leg('x1', 'EXTERNAL_OUTBOUND')),
  ];
  for (let t = 20_000; t < durationMs; t += everyMs) {
    const muted = Math.floor(t / 300_000) % 2 === 1;
    events.push(
      ccp('alice', sec(t / 1000), [
        connection('customer', 'connected', { connectionId: 'c', muted }),
        connection('external', 'connected', { connectionId: 'x', phoneNumber: '+4930111' }),
      ]),
    );
  }
  return events;
}

describe('O6 compaction of long calls (seeded property tests)', () => {
  test('O6 O2 with compaction on, any delivery order within the horizon gives the views of compaction off', () => {
    let compactedRuns = 0;
    fc.assert(
      fc.property(twoCalls, fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (events, delays) => {
        const delivered = withinHorizon(events, delays);
        const compacted = apply(delivered, TIGHT);
        expect(views(compacted)).toEqual(views(apply(events, OFF)));
        expect(compacted.stats.compactedLate).toBe(0);
        if ([...compacted.conferences.values()].some((r) => r.compactedCount > 0)) compactedRuns += 1;
      }),
      { seed: SEED, numRuns: 150 },
    );
    // The property is about compacted calls: most generated ones must have been.
    expect(compactedRuns).toBeGreaterThan(100);
  });

  test('O6 the facts a call holds stay bounded however long it runs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 * 3600 }),
        fc.constantFrom(500, 1_000, 2_000),
        (seconds, everyMs) => {
          const state = createEngine();
          const { compactAfterFacts, compactHorizonMs } = state.settings;
          const bound = Math.max(compactAfterFacts, (1.25 * compactHorizonMs) / everyMs) + 10;
          let most = 0;
          for (const event of chattyCall(seconds * 1000, everyMs)) {
            applyEvent(state, event, NOW);
            most = Math.max(most, state.conferences.get(ROOT)!.facts.length);
          }
          expect(most).toBeLessThanOrEqual(bound);
          const record = state.conferences.get(ROOT)!;
          expect(record.facts.length + record.compactedCount).toBe(state.stats.applied);
        },
      ),
      { seed: SEED, numRuns: 8 },
    );
  });

  test('O6 O1 repeats of compacted facts are still recognized and change nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (picks) => {
        const events = chattyCall(3 * 3600_000, 1_000);
        const state = apply(events, {});
        const record = state.conferences.get(ROOT)!;
        expect(record.compactedCount).toBeGreaterThan(events.length / 2);
        const before = views(state);
        const repeats = picks.map((i) => events[i % events.length]!);
        for (const event of repeats) {
          expect(isKnownEvent(state, event)).toBe(true);
          expect(applyEvent(state, event, NOW).outcome).toBe('duplicate');
        }
        expect(state.stats.duplicates).toBe(repeats.length);
        expect(views(state)).toEqual(before);
      }),
      { seed: SEED, numRuns: 10 },
    );
  });
});
