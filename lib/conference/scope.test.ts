import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyEvent, createEngine } from './engine';
import { callScriptArb, eventsForCall, shuffle } from './test-helpers/arbitrary-calls';
import {
  agentContact,
  agentSnapshot,
  ccp,
  connection,
  contact,
  group,
  leg,
  ROOT,
  sec,
} from './test-helpers/builders';
import { PROPERTY_SEED } from './test-helpers/property-seed';
import { party, run, viewOf } from './test-helpers/run';
import { inScope, scopeKeysOf, scopeKeysOfModel, type Scope, type ScopeKeys } from './scope';
import { toConferenceView } from './view';

const RUNS = { seed: PROPERTY_SEED, numRuns: 150 };
const NOW = sec(4 * 3600);

const sorted = (keys: ScopeKeys) => ({ queues: [...keys.queues].sort(), groups: [...keys.groups].sort() });

/** A call through two queues, with a primary agent in Berlin and an added agent in Lisbon. */
function scopedCall() {
  return [
    contact('INITIATED', sec(0), { queue: 'Sales' }),
    contact('CONNECTED_TO_AGENT', sec(2), {
      agent: 'alice',
      groups: [group(1, 'Berlin'), group(2, 'North')],
    }),
    agentSnapshot('alice', sec(2.1), [agentContact('CONNECTED')], undefined, [
      group(1, 'Berlin'),
      group(2, 'North'),
    ]),
    contact('INITIATED', sec(10), leg('t1')),
    contact('QUEUED', sec(11), { ...leg('t1'), queue: 'Mortgages' }),
    contact('CONNECTED_TO_AGENT', sec(20), { ...leg('t1'), agent: 'bob', groups: [group(1, 'Lisbon')] }),
    ccp('alice', sec(21), [connection('supervisor', 'connected', { agent: 'sue' })]),
  ];
}

describe('hierarchy groups and scope keys (issue 11)', () => {
  test('S1 an agent event names its groups; a contact event gives only their ARNs, and keeps the names', () => {
    const view = viewOf(run(scopedCall()));
    expect(party(view, `a:${ROOT}`).hierarchyGroups).toEqual([
      { level: 1, arn: group(1, 'Berlin').arn, name: 'Berlin' },
      { level: 2, arn: group(2, 'North').arn, name: 'North' },
    ]);
    expect(party(view, 'a:t1').hierarchyGroups).toEqual([
      { level: 1, arn: group(1, 'Lisbon').arn, name: null },
    ]);
    expect(party(view, `c:${ROOT}`).hierarchyGroups).toEqual([]);
    expect(view.queues).toEqual([
      { arn: 'arn:queue/Sales', name: 'Sales' },
      { arn: 'arn:queue/Mortgages', name: 'Mortgages' },
    ]);
  });

  test('S1 the keys are every queue and every agent group, by ARN and by name; not a CCP-only party', () => {
    const state = run(scopedCall());
    expect(sorted(scopeKeysOfModel(state.conferences.get(ROOT)!.model))).toEqual({
      queues: ['Mortgages', 'Sales', 'arn:queue/Mortgages', 'arn:queue/Sales'],
      groups: [
        'Berlin',
        'North',
        group(1, 'Berlin').arn,
        group(1, 'Lisbon').arn,
        group(2, 'North').arn,
      ].sort(),
    });
  });

  test('S1 in scope when a leg was in a scoped queue OR an agent is in a scoped group', () => {
    const keys = scopeKeysOf(viewOf(run(scopedCall())));
    expect(inScope(keys, { queues: ['Mortgages'] })).toBe(true);
    expect(inScope(keys, { queues: ['Billing'] })).toBe(false);
    expect(inScope(keys, { groups: [group(1, 'Lisbon').arn] })).toBe(true);
    expect(inScope(keys, { groups: ['Lisbon'] })).toBe(false);
    expect(inScope(keys, { queues: ['Billing'], groups: ['North'] })).toBe(true);
    expect(inScope(keys, { queues: ['Billing'], groups: ['South'] })).toBe(false);
  });

  test('S2 "all", and a scope with no queue and no group, see everything', () => {
    const nothing: ScopeKeys = { queues: new Set(), groups: new Set() };
    for (const scope of ['all', {}, { queues: [] }, { queues: [], groups: [] }] satisfies Scope[])
      expect(inScope(nothing, scope)).toBe(true);
    expect(inScope(nothing, { queues: ['Sales'] })).toBe(false);
  });

  test('S1 the keys of the live model and of its served view are the same, whatever the delivery order', () => {
    fc.assert(
      fc.property(callScriptArb('r1'), fc.integer(), (script, seed) => {
        const state = createEngine();
        for (const event of shuffle(eventsForCall(script), seed)) applyEvent(state, event, NOW);
        const model = state.conferences.get('r1')!.model;
        const keys = scopeKeysOfModel(model);
        expect(sorted(scopeKeysOf(toConferenceView(model, 60_000, NOW)))).toEqual(sorted(keys));
        expect(keys.queues.has('Sales')).toBe(true);
        expect(keys.groups.size).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  const keysArb = fc.record({
    queues: fc
      .uniqueArray(fc.constantFrom('Q1', 'Q2', 'Q3', 'arn:q/1', 'arn:q/2'))
      .map((a) => new Set<string>(a)),
    groups: fc.uniqueArray(fc.constantFrom('G1', 'G2', 'arn:g/1', 'arn:g/2')).map((a) => new Set<string>(a)),
  });
  const listArb = fc.option(
    fc.array(fc.constantFrom<string>('Q1', 'Q2', 'G1', 'G2', 'arn:q/1', 'arn:g/2', 'X')),
    {
      nil: undefined,
    },
  );
  const scopeArb = fc.record({ queues: listArb, groups: listArb }, { requiredKeys: [] });

  test('S1 S2 inScope: either axis matches; an empty or absent axis adds nothing; widening a scope never hides', () => {
    fc.assert(
      fc.property(keysArb, scopeArb, fc.constantFrom('Q1', 'G2', 'arn:q/2'), (keys, scope, extra) => {
        const queues = scope.queues ?? [];
        const groups = scope.groups ?? [];
        const byQueue = queues.some((q) => keys.queues.has(q));
        const byGroup = groups.some((g) => keys.groups.has(g));
        const unrestricted = queues.length === 0 && groups.length === 0;
        expect(inScope(keys, scope)).toBe(unrestricted || byQueue || byGroup);
        if (inScope(keys, scope) && !unrestricted) {
          expect(inScope(keys, { ...scope, queues: [...queues, extra] })).toBe(true);
          expect(inScope(keys, { ...scope, groups: [...groups, extra] })).toBe(true);
        }
        expect(inScope(keys, 'all')).toBe(true);
      }),
      RUNS,
    );
  });
});
