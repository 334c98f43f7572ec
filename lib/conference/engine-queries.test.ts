import { describe, expect, test } from 'vitest';
import {
  affectedRoots,
  applyEvent,
  archiveConference,
  createEngine,
  isKnownEvent,
  pruneEngine,
} from './engine';
import { listEventRoots } from './events';
import {
  agentArn,
  agentContact,
  agentSnapshot,
  ccp,
  connection,
  contact,
  leg,
  ROOT,
  sec,
  twoPartyCall,
} from './test-helpers/builders';
import { party, run, viewOf } from './test-helpers/run';

describe('engine queries the sidecar uses before it logs an event', () => {
  test('O1 isKnownEvent tells a duplicate without applying it, live or waiting', () => {
    const events = twoPartyCall();
    const state = run(events);
    expect(isKnownEvent(state, events[0]!)).toBe(true);
    expect(isKnownEvent(state, contact('QUEUED', sec(1)))).toBe(false);
    const orphan = contact('INITIATED', sec(5), { ...leg('t1'), rootId: 'other' });
    applyEvent(state, orphan, 0);
    expect(isKnownEvent(state, orphan)).toBe(true);
    const snapshot = agentSnapshot('alice', sec(3), [agentContact('CONNECTED')]);
    expect(isKnownEvent(state, snapshot)).toBe(false);
    applyEvent(state, snapshot, 0);
    expect(isKnownEvent(state, snapshot)).toBe(true);
    const report = ccp('alice', sec(4), [connection('self', 'connected')]);
    expect(isKnownEvent(state, report)).toBe(false);
  });

  test('M7 an agent snapshot affects every conference the agent has been on, not only those it lists', () => {
    const state = run([...twoPartyCall(), agentSnapshot('alice', sec(3), [agentContact('CONNECTED')])]);
    const idle = agentSnapshot('alice', sec(60), []);
    expect(listEventRoots(idle)).toEqual([]);
    expect(affectedRoots(state, idle)).toEqual([ROOT]);
    expect(affectedRoots(state, contact('QUEUED', sec(1), { rootId: 'x', contactId: 'x' }))).toEqual(['x']);
  });

  test('M7 O4 a leave found while the conference is still waiting for its root is applied when the root arrives', () => {
    const state = createEngine();
    applyEvent(state, agentSnapshot('alice', sec(3), [agentContact('CONNECTED')]), 0);
    applyEvent(state, agentSnapshot('alice', sec(40), []), 0);
    applyEvent(state, agentSnapshot('alice', sec(30), [agentContact('CONNECTED')]), 0);
    expect(state.conferences.size).toBe(0);
    for (const event of [
      ...twoPartyCall(),
      contact('INITIATED', sec(5), leg('t1')),
      contact('CONNECTED_TO_AGENT', sec(6), { ...leg('t1'), agent: 'bob' }),
    ]) {
      applyEvent(state, event, 0);
    }
    expect(party(viewOf(state), `a:${ROOT}`)).toMatchObject({
      state: 'disconnected',
      leftAt: new Date(sec(40)).toISOString(),
    });
  });

  test('agent history is pruned past its horizon and for conferences that are gone', () => {
    const state = createEngine({ agentHistoryMs: 60_000, archiveRetentionMs: 0 });
    for (const event of twoPartyCall()) applyEvent(state, event, 0);
    applyEvent(state, agentSnapshot('alice', sec(3), [agentContact('CONNECTED')]), 0);
    applyEvent(state, agentSnapshot('alice', sec(200), []), 0);
    applyEvent(state, agentSnapshot('bob', sec(200), []), 0);
    const alice = state.agents.get(agentArn('alice'))!;
    expect(alice.snapshots).toHaveLength(2);
    pruneEngine(state, 1);
    expect(alice.snapshots.map((s) => s.at)).toEqual([sec(200)]);
    expect(alice.presence.size).toBe(0);
    expect(state.agents.has(agentArn('bob'))).toBe(false);
  });

  test('O4 tombstones of archived conferences expire after a day', () => {
    const state = run(twoPartyCall(), { archiveRetentionMs: 0 });
    archiveConference(state, ROOT, 0);
    pruneEngine(state, 1);
    expect(state.tombstones.has(ROOT)).toBe(true);
    pruneEngine(state, 1 + 24 * 3_600_000 + 1);
    expect(state.tombstones.has(ROOT)).toBe(false);
  });

  test('O4 archived records leave memory after the retention, each by its own archive time', () => {
    const call = (root: string) => [
      contact('INITIATED', sec(0), { rootId: root, contactId: root }),
      contact('CONNECTED_TO_AGENT', sec(2), { rootId: root, contactId: root, agent: 'alice' }),
    ];
    const state = run([...call('early'), ...call('later')], { archiveRetentionMs: 10_000 });
    archiveConference(state, 'early', 0);
    archiveConference(state, 'later', 5_000);
    pruneEngine(state, 10_001);
    expect([state.conferences.has('early'), state.conferences.has('later')]).toEqual([false, true]);
    expect(state.tombstones.has('early')).toBe(true);
    expect(
      applyEvent(state, contact('DISCONNECTED', sec(9), { rootId: 'early', contactId: 'early' }), 0).outcome,
    ).toBe('late');
    pruneEngine(state, 15_001);
    expect(state.conferences.has('later')).toBe(false);
    expect(state.archived.size).toBe(0);
  });
});
