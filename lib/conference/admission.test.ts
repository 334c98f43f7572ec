import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { admitEvent, countRefusal, liveConferences } from './admission';
import { applyEvent, archiveConference, createEngine, pruneEngine, type EngineState } from './engine';
import type { DomainEvent } from './events';
import { callScriptArb, eventsForCall, shuffle } from './test-helpers/arbitrary-calls';
import { agentContact, agentSnapshot, ccp, connection, contact, leg, sec } from './test-helpers/builders';
import { PROPERTY_SEED } from './test-helpers/property-seed';
import { toConferenceView } from './view';

const NOW = sec(3600);
const LIMITS = { maxLiveConferences: 2, maxPendingRoots: 2 };

const rootOf = (rootId: string, s = 0) => contact('INITIATED', sec(s), { rootId, contactId: rootId });
const childOf = (rootId: string, s = 5) =>
  contact('INITIATED', sec(s), { ...leg(`${rootId}-t1`), rootId, previousContactId: rootId });

function engineWith(events: DomainEvent[]): EngineState {
  const state = createEngine(LIMITS);
  for (const event of events) applyEvent(state, event, NOW);
  return state;
}

describe('L1 L2 admission limits', () => {
  test('L1 a new conference beyond the limit is refused; the held ones still take every update', () => {
    const state = engineWith([rootOf('r1'), rootOf('r2')]);
    expect(admitEvent(state, rootOf('r3'))).toEqual({ ok: false, reason: 'live-conferences' });
    for (const update of [
      contact('CONNECTED_TO_AGENT', sec(2), { rootId: 'r1', contactId: 'r1', agent: 'alice' }),
      childOf('r2'),
      { ...ccp('alice', sec(3), [connection('customer', 'hold')]), rootId: 'r1', contactId: 'r1' },
    ])
      expect(admitEvent(state, update)).toEqual({ ok: true });
  });

  test('L1 a conference moved to history frees its place; events for calls in history are not refused', () => {
    const state = engineWith([rootOf('r1'), rootOf('r2')]);
    archiveConference(state, 'r1', NOW);
    expect(liveConferences(state)).toBe(1);
    expect(admitEvent(state, rootOf('r3'))).toEqual({ ok: true });
    applyEvent(state, rootOf('r3'), NOW);
    pruneEngine(state, NOW + 24 * 3_600_000);
    expect(state.tombstones.has('r1')).toBe(true);
    expect(admitEvent(state, { ...rootOf('r1', 9), eventId: 'late' })).toEqual({ ok: true });
  });

  test('L1 a new waiting root beyond the limit is refused; more for a root already waiting is not', () => {
    const state = engineWith([childOf('p1'), childOf('p2')]);
    expect(state.pending.size).toBe(2);
    expect(admitEvent(state, childOf('p3'))).toEqual({ ok: false, reason: 'pending-roots' });
    const reporter = {
      ...ccp('bob', sec(6), [connection('self', 'connected')]),
      rootId: 'p3',
      contactId: 'p3-t1',
    };
    expect(admitEvent(state, reporter)).toEqual({ ok: false, reason: 'pending-roots' });
    expect(admitEvent(state, { ...childOf('p1', 9), eventId: 'more' })).toEqual({ ok: true });
    // The root of a waiting call starts its conference: a place among the live ones is what it needs.
    expect(admitEvent(state, rootOf('p3'))).toEqual({ ok: true });
  });

  test('L2 an agent snapshot that concerns a held call is admitted even if it names a new one too', () => {
    const state = engineWith([rootOf('r1'), childOf('p1'), childOf('p2')]);
    const both = agentSnapshot('alice', sec(7), [
      agentContact('CONNECTED', { rootId: 'r1', contactId: 'r1' }),
      agentContact('CONNECTING', { rootId: 'p9', contactId: 'p9' }),
    ]);
    expect(admitEvent(state, both)).toEqual({ ok: true });
    const onlyNew = agentSnapshot('carol', sec(7), [
      agentContact('CONNECTING', { rootId: 'p9', contactId: 'p9' }),
    ]);
    expect(admitEvent(state, onlyNew)).toEqual({ ok: false, reason: 'pending-roots' });
    expect(admitEvent(state, agentSnapshot('dave', sec(8), []))).toEqual({ ok: true });
  });

  test('L1 asking changes nothing; a refusal is counted by its reason when the caller acts on it', () => {
    const state = engineWith([rootOf('r1'), rootOf('r2'), childOf('p1'), childOf('p2')]);
    const before = JSON.stringify({
      stats: state.stats,
      live: [...state.conferences.keys()],
      pending: [...state.pending.keys()],
    });
    admitEvent(state, rootOf('r3'));
    admitEvent(state, childOf('p3'));
    expect(
      JSON.stringify({
        stats: state.stats,
        live: [...state.conferences.keys()],
        pending: [...state.pending.keys()],
      }),
    ).toBe(before);
    countRefusal(state, 'live-conferences');
    countRefusal(state, 'pending-roots');
    countRefusal(state, 'pending-roots');
    expect(state.stats).toMatchObject({ refusedConferences: 1, refusedPending: 2 });
  });

  test('L1 L2 with admission in front of the engine, the limits hold, a held call loses nothing, and a call never refused is whole', () => {
    const calls = fc
      .array(callScriptArb('x'), { minLength: 3, maxLength: 6 })
      .map((scripts) => scripts.map((script, i) => eventsForCall({ ...script, rootId: `r${i}` })));
    let refusals = 0;
    let compared = 0;
    fc.assert(
      fc.property(calls, fc.integer(), (perCall, seed) => {
        const state = createEngine(LIMITS);
        const refusedCalls = new Set<string>();
        let refused = 0;
        for (const event of shuffle(perCall.flat(), seed)) {
          const root = event.source === 'agent' ? event.contacts[0]?.rootId : event.rootId;
          // A waiting call's root event would start its conference: that is new, and may be refused.
          const starts = event.source === 'contact' && event.contactId === event.rootId;
          const held =
            root !== undefined && (state.conferences.has(root) || (state.pending.has(root) && !starts));
          const admission = admitEvent(state, event);
          if (!admission.ok) {
            // L2: once a call is held, nothing about it is refused.
            expect(held).toBe(false);
            countRefusal(state, admission.reason);
            refusedCalls.add(root!);
            refused += 1;
            continue;
          }
          applyEvent(state, event, NOW);
          expect(liveConferences(state)).toBeLessThanOrEqual(LIMITS.maxLiveConferences);
          expect(state.pending.size).toBeLessThanOrEqual(LIMITS.maxPendingRoots);
        }
        expect(state.stats.refusedConferences + state.stats.refusedPending).toBe(refused);
        const view = (s: EngineState, id: string) =>
          toConferenceView(s.conferences.get(id)!.model, 60_000, NOW);
        for (const id of state.conferences.keys()) {
          if (refusedCalls.has(id)) continue;
          const alone = createEngine();
          for (const event of perCall[Number(id.slice(1))]!) applyEvent(alone, event, NOW);
          expect(view(state, id)).toEqual(view(alone, id));
          compared += 1;
        }
        refusals += refused;
      }),
      { seed: PROPERTY_SEED, numRuns: 100 },
    );
    expect(refusals).toBeGreaterThan(100);
    expect(compared).toBeGreaterThan(100);
  });
});
