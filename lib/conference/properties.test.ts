import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyEvent, createEngine, type EngineState } from './engine';
import type { DomainEvent } from './events';
import { shuffle, twoCallsArb as twoCalls } from './test-helpers/arbitrary-calls';
import { sec } from './test-helpers/builders';
import { PROPERTY_SEED } from './test-helpers/property-seed';
import { run, viewsOf } from './test-helpers/run';
import type { ConferenceMode } from './enums';

const RUNS = { seed: PROPERTY_SEED, numRuns: 150 };
const NOW = sec(4 * 3600);

const apply = (events: readonly DomainEvent[], mode: ConferenceMode = 'multi-party'): EngineState =>
  run(events, { mode }, NOW);
const views = (state: EngineState) => viewsOf(state, NOW);

const STAGE_RANK = { dialing: 0, connected: 1, hold: 1, disconnected: 2 } as const;

describe('engine invariants (seeded property tests)', () => {
  test('O2 any permutation of a valid event set yields the same conferences', () => {
    fc.assert(
      fc.property(twoCalls, fc.integer(), (events, seed) => {
        expect(views(apply(shuffle(events, seed)))).toEqual(views(apply(events)));
      }),
      RUNS,
    );
  });

  test('O1 replaying duplicates, anywhere in the stream, changes nothing', () => {
    fc.assert(
      fc.property(twoCalls, fc.integer(), fc.array(fc.nat(), { maxLength: 30 }), (events, seed, picks) => {
        const duplicates = picks.map((i) => events[i % events.length]!);
        const noisy = shuffle([...events, ...duplicates], seed);
        const state = apply(noisy);
        expect(views(state)).toEqual(views(apply(events)));
        expect(state.stats.duplicates).toBe(duplicates.length);
      }),
      RUNS,
    );
  });

  test('A7 active participants never exceed the cap without cap-exceeded raised; at the cap A1 is raised', () => {
    fc.assert(
      fc.property(
        twoCalls,
        fc.integer(),
        fc.constantFrom<ConferenceMode>('three-party', 'multi-party'),
        (events, seed, mode) => {
          const state = createEngine({ mode });
          for (const event of shuffle(events, seed)) {
            applyEvent(state, event, NOW);
            for (const view of Object.values(views(state))) {
              if (view.state === 'ended' || view.listedAt === null) continue;
              const kinds = view.alerts.map((a) => a.kind);
              expect(kinds.includes('cap-exceeded')).toBe(view.activeParticipants > view.cap);
              expect(kinds.includes('cap-reached')).toBe(view.activeParticipants === view.cap);
            }
          }
        },
      ),
      RUNS,
    );
  });

  test('O3 a leg never moves backwards, whatever order its events arrive in', () => {
    fc.assert(
      fc.property(twoCalls, fc.integer(), (events, seed) => {
        const state = createEngine();
        const seen = new Map<string, number>();
        for (const event of shuffle(events, seed)) {
          applyEvent(state, event, NOW);
          for (const record of state.conferences.values()) {
            for (const p of record.model.participants.values()) {
              if (p.ccpOnly) continue;
              const key = `${record.id}/${p.id}`;
              const rank = STAGE_RANK[p.stage];
              expect(rank).toBeGreaterThanOrEqual(seen.get(key) ?? 0);
              seen.set(key, rank);
            }
          }
        }
      }),
      RUNS,
    );
  });

  test('R1 R2 supervisors never count and the count equals the non-supervisor parties not disconnected', () => {
    fc.assert(
      fc.property(twoCalls, (events) => {
        for (const view of Object.values(views(apply(events)))) {
          const counted = view.participants.filter(
            (p) => p.role !== 'supervisor' && !p.ccpOnly && p.state !== 'disconnected',
          );
          expect(view.activeParticipants).toBe(counted.length);
          expect(view.slotsLeft).toBe(Math.max(0, view.cap - counted.length));
        }
      }),
      RUNS,
    );
  });
});
