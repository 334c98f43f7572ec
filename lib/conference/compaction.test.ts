import { describe, expect, test } from 'vitest';
import { applyEvent } from './engine';
import type { CcpConnection, DomainEvent } from './events';
import {
  agentContact,
  agentSnapshot,
  ccp,
  connection,
  contact,
  leg,
  ROOT,
  sec,
} from './test-helpers/builders';
import { party, run, viewOf } from './test-helpers/run';

const TIGHT = { compactAfterFacts: 4, compactHorizonMs: 20_000 };
const NOW = sec(3600);
const EXTERNAL = leg('x1', 'EXTERNAL_OUTBOUND');

/** A three-party call whose CCP reports the connections `report(s)` gives, once a second to `until`. */
function chatty(until: number, report: (s: number) => CcpConnection[]): DomainEvent[] {
  const events: DomainEvent[] = [
    contact('INITIATED', sec(0), { contactLens: false }),
    contact('CONNECTED_TO_AGENT', sec(2), { agent: 'alice' }),
    agentSnapshot('alice', sec(2.5), [agentContact('CONNECTED')]),
    contact('INITIATED', sec(5), { ...EXTERNAL, phoneNumber: '+4930111' }),
    contact('CONNECTED_TO_SYSTEM', sec(8), EXTERNAL),
  ];
  for (let s = 10; s <= until; s++) events.push(ccp('alice', sec(s), report(s)));
  return events;
}

const everyone = () => [
  connection('customer', 'connected', { connectionId: 'c', muted: false }),
  connection('external', 'connected', { connectionId: 'x', phoneNumber: '+4930111' }),
];

describe('O6 facts behind the compaction line', () => {
  test('O6 O1 a long call folds its old facts away; a fact behind the line is applied, counted, and known', () => {
    const state = run(chatty(120, everyone), TIGHT, NOW);
    const record = state.conferences.get(ROOT)!;
    expect(record.compactedCount).toBeGreaterThan(80);
    expect(record.facts.length).toBeLessThan(40);
    const late = contact('DISCONNECTED', sec(30), EXTERNAL);
    expect(applyEvent(state, late, NOW).outcome).toBe('applied');
    expect(state.stats.compactedLate).toBe(1);
    expect(party(viewOf(state, NOW), 'x:x1')).toMatchObject({
      state: 'disconnected',
      leftAt: new Date(sec(30)).toISOString(),
    });
    expect(applyEvent(state, late, NOW).outcome).toBe('duplicate');
  });

  test('O6 O3 a late INITIATED or CONNECTED never revives a party that has left', () => {
    const events = [...chatty(120, everyone), contact('DISCONNECTED', sec(100), EXTERNAL)];
    const state = run(events, TIGHT, NOW);
    applyEvent(state, contact('INITIATED', sec(6), { ...EXTERNAL, eventId: 'late-1' }), NOW);
    applyEvent(state, contact('CONNECTED_TO_SYSTEM', sec(9), { ...EXTERNAL, eventId: 'late-2' }), NOW);
    expect(state.stats.compactedLate).toBe(2);
    expect(party(viewOf(state, NOW), 'x:x1').state).toBe('disconnected');
  });

  test('O6 O2 a late hold report loses to a newer report of the same party, and wins over an older one', () => {
    // The CCP reports the external party only once, at 10 s; the caller every second.
    const report = (s: number) =>
      s === 10 ? everyone() : [connection('customer', 'connected', { connectionId: 'c', muted: false })];
    const state = run(chatty(120, report), TIGHT, NOW);
    applyEvent(
      state,
      ccp('alice', sec(40), [
        connection('customer', 'hold', { connectionId: 'c', muted: true }),
        connection('external', 'hold', { connectionId: 'x', phoneNumber: '+4930111' }),
      ]),
      NOW,
    );
    const view = viewOf(state, NOW);
    expect(party(view, `c:${ROOT}`)).toMatchObject({ state: 'connected', muted: false, holds: [] });
    expect(party(view, 'x:x1')).toMatchObject({ state: 'hold' });
    expect(party(view, 'x:x1').holds).toEqual([{ from: new Date(sec(40)).toISOString(), to: null }]);
  });

  test('O6 M6 a late Contact Lens flag older than the newest one does not flip it', () => {
    const events = [
      ...chatty(120, everyone),
      contact('CONTACT_DATA_UPDATED', sec(60), { contactLens: true }),
    ];
    const state = run(
      events.sort((a, b) => a.at - b.at),
      TIGHT,
      NOW,
    );
    applyEvent(state, contact('CONTACT_DATA_UPDATED', sec(30), { contactLens: false }), NOW);
    expect(state.stats.compactedLate).toBe(1);
    expect(viewOf(state, NOW).contactLens).toBe(true);
  });

  test('O6 what a late fact changes is settled at the compaction line, not at its own, older time', () => {
    const state = run(chatty(120, everyone), TIGHT, NOW);
    applyEvent(state, agentSnapshot('alice', sec(30), [agentContact('ENDED')]), NOW);
    const view = viewOf(state, NOW);
    expect(party(view, `a:${ROOT}`).leftAt).toBe(new Date(sec(30)).toISOString());
    const left = view.alerts.find((a) => a.kind === 'primary-left')!;
    // Everything older than the horizon (20 s) and a quarter (5 s) behind 120 s had been compacted.
    expect(Date.parse(left.since)).toBeGreaterThanOrEqual(sec(120 - 25));
    expect(Date.parse(left.since)).toBeLessThanOrEqual(sec(120 - 20));
  });
});
