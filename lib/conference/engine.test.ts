import { describe, expect, test } from 'vitest';
import { applyEvent, archiveConference, createEngine, endStaleConference, pruneEngine } from './engine';
import { DomainEventSchema } from './events';
import {
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

describe('ordering, duplicates and orphans', () => {
  test('O1 an event with an id already seen is dropped', () => {
    const events = twoPartyCall();
    const state = run(events);
    const before = viewOf(state);
    const result = applyEvent(state, events[1]!, sec(100));
    expect(result).toEqual({ outcome: 'duplicate', changed: [] });
    expect(viewOf(state)).toEqual(before);
    expect(state.stats.duplicates).toBe(1);
  });

  test('O1 a repeated agent snapshot (same EventId) is a duplicate', () => {
    const snapshot = agentSnapshot('alice', sec(5), [agentContact('CONNECTED_ONHOLD')]);
    const state = run([...twoPartyCall(), snapshot]);
    expect(applyEvent(state, snapshot, sec(100)).outcome).toBe('duplicate');
  });

  test('O2 hold keeps the value with the newest source timestamp, whatever the arrival order', () => {
    const hold = ccp('alice', sec(10), [connection('customer', 'hold')]);
    const resume = agentSnapshot('alice', sec(20), [agentContact('CONNECTED')]);
    const a = viewOf(run([...twoPartyCall(), hold, resume]));
    const b = viewOf(run([...twoPartyCall(), resume, hold]));
    expect(party(a, `c:${ROOT}`).state).toBe('connected');
    expect(b).toEqual(a);
  });

  test('O2 mute keeps the newest report across agents', () => {
    const events = [
      ...twoPartyCall(),
      contact('INITIATED', sec(3), leg('t1')),
      contact('CONNECTED_TO_AGENT', sec(4), { ...leg('t1'), agent: 'bob' }),
      ccp('alice', sec(10), [connection('customer', 'connected', { muted: true })]),
      ccp('bob', sec(12), [connection('customer', 'connected', { muted: false })], 't1'),
    ];
    expect(party(viewOf(run(events)), `c:${ROOT}`).muted).toBe(false);
    expect(party(viewOf(run([...events].reverse())), `c:${ROOT}`).muted).toBe(false);
  });

  test('O3 a late INITIATED or CONNECTED never revives a disconnected leg', () => {
    const events = [
      ...twoPartyCall(),
      contact('INITIATED', sec(10), leg('t1')),
      contact('CONNECTED_TO_AGENT', sec(12), { ...leg('t1'), agent: 'bob' }),
      contact('DISCONNECTED', sec(20), leg('t1')),
      // Clock skew: a connect stamped after the disconnect.
      contact('CONNECTED_TO_AGENT', sec(25), { ...leg('t1'), agent: 'bob' }),
      ccp('alice', sec(26), [connection('agent', 'connected', { agent: 'bob' })]),
    ];
    expect(party(viewOf(run(events)), 'a:t1').state).toBe('disconnected');
  });

  test('O4 events for a root not yet seen wait and apply when the root arrives', () => {
    const state = createEngine();
    const child = contact('INITIATED', sec(10), leg('t1'));
    expect(applyEvent(state, child, sec(0)).outcome).toBe('pending');
    expect(
      applyEvent(state, agentSnapshot('alice', sec(3), [agentContact('CONNECTED')]), sec(0)).outcome,
    ).toBe('pending');
    expect(state.conferences.size).toBe(0);
    const created = applyEvent(state, contact('INITIATED', sec(0)), sec(1));
    expect(created).toEqual({ outcome: 'applied', changed: [ROOT] });
    const view = viewOf(state);
    expect(party(view, 'a:t1').state).toBe('dialing');
    expect(party(view, `a:${ROOT}`).state).toBe('connected');
    expect(state.pending.size).toBe(0);
  });

  test('O4 orphans are dropped after the orphan TTL and counted', () => {
    const state = createEngine({ orphanTtlMs: 60_000 });
    applyEvent(state, contact('INITIATED', sec(10), leg('t1')), 1_000);
    applyEvent(state, contact('DISCONNECTED', sec(20), leg('t1')), 1_000);
    expect(pruneEngine(state, 30_000).orphansDropped).toBe(0);
    expect(pruneEngine(state, 62_000).orphansDropped).toBe(2);
    expect(state.stats.orphansDropped).toBe(2);
    applyEvent(state, contact('INITIATED', sec(0)), 63_000);
    expect(state.conferences.get(ROOT)!.model.legs.has('t1')).toBe(false);
  });

  test('O4 events for a conference moved to history update its record and never bring it back', () => {
    const state = run([...twoPartyCall(), contact('DISCONNECTED', sec(30))]);
    archiveConference(state, ROOT, 1_000);
    const late = applyEvent(state, contact('INITIATED', sec(10), leg('t1')), 2_000);
    expect(late).toEqual({ outcome: 'late', changed: [ROOT] });
    const record = state.conferences.get(ROOT)!;
    expect(record.archivedAt).toBe(1_000);
    expect(record.model.legs.has('t1')).toBe(true);
    // The late leg was dialled before the caller hung up, which would reopen a live call: not this one.
    expect(viewOf(state)).toMatchObject({ state: 'ended', endedAt: new Date(sec(30)).toISOString() });
    pruneEngine(state, 1_000 + state.settings.archiveRetentionMs + 1);
    expect(state.conferences.has(ROOT)).toBe(false);
    expect(applyEvent(state, contact('QUEUED', sec(40)), 5_000_000).outcome).toBe('late');
    expect(state.conferences.has(ROOT)).toBe(false);
    expect(state.stats.lateDropped).toBe(1);
  });

  test('O5 input that fails validation never reaches the engine (the schema rejects it with a reason)', () => {
    const bad = { ...contact('INITIATED', sec(0)), at: 'yesterday' };
    const parsed = DomainEventSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['at']);
  });
});

describe('ending', () => {
  test('E1 a conference ends when no non-supervisor party is active', () => {
    const view = viewOf(
      run([
        ...twoPartyCall(),
        contact('INITIATED', sec(5), leg('m1', 'MONITOR')),
        contact('CONNECTED_TO_AGENT', sec(6), { ...leg('m1', 'MONITOR'), agent: 'sue' }),
        contact('DISCONNECTED', sec(30)),
        agentSnapshot('alice', sec(30), [agentContact('ENDED')]),
      ]),
    );
    expect(view).toMatchObject({
      state: 'ended',
      endReason: 'completed',
      endedAt: new Date(sec(30)).toISOString(),
    });
    expect(view.alerts).toEqual([]);
  });

  test('E1 the last party alone has nobody to talk to: a two-party call ends when the caller hangs up', () => {
    const view = viewOf(run([...twoPartyCall(), contact('DISCONNECTED', sec(30))]));
    expect(view.state).toBe('ended');
  });

  test('E2 R24 the call ends when only external parties remain', () => {
    const view = viewOf(
      run([
        ...twoPartyCall(),
        contact('INITIATED', sec(5), leg('x1', 'EXTERNAL_OUTBOUND')),
        contact('CONNECTED_TO_SYSTEM', sec(6), leg('x1', 'EXTERNAL_OUTBOUND')),
        contact('INITIATED', sec(7), leg('x2', 'EXTERNAL_OUTBOUND')),
        contact('CONNECTED_TO_SYSTEM', sec(8), leg('x2', 'EXTERNAL_OUTBOUND')),
        contact('DISCONNECTED', sec(20)),
        agentSnapshot('alice', sec(25), [agentContact('ENDED')]),
      ]),
    );
    expect(view).toMatchObject({ state: 'ended', endedAt: new Date(sec(25)).toISOString() });
  });

  test('E3 R23 caller and an external party carry on after the agent leaves', () => {
    const view = viewOf(
      run([
        ...twoPartyCall(),
        contact('INITIATED', sec(5), leg('x1', 'EXTERNAL_OUTBOUND')),
        contact('CONNECTED_TO_SYSTEM', sec(6), leg('x1', 'EXTERNAL_OUTBOUND')),
        agentSnapshot('alice', sec(25), [agentContact('ENDED')]),
      ]),
    );
    expect(view.state).toBe('active');
    expect(view.alerts.map((a) => a.kind).sort()).toEqual(['no-agent', 'primary-left']);
  });

  test('E4 an ended conference keeps its end time, peak and alert history for the record', () => {
    const view = viewOf(
      run([
        ...twoPartyCall(),
        contact('INITIATED', sec(5), { ...leg('t1'), contactLens: true }),
        contact('CONNECTED_TO_AGENT', sec(6), { ...leg('t1'), agent: 'bob' }),
        contact('DISCONNECTED', sec(20), leg('t1')),
        contact('DISCONNECTED', sec(30)),
      ]),
    );
    expect(view).toMatchObject({ state: 'ended', peakParticipants: 3 });
    expect(view.alertHistory).toEqual([
      {
        kind: 'contact-lens-conflict',
        severity: 'critical',
        raisedAt: new Date(sec(5)).toISOString(),
        clearedAt: new Date(sec(20)).toISOString(),
      },
    ]);
  });

  test('E5 a conference heard of no more is ended as stale, and says so', () => {
    const state = run(twoPartyCall());
    expect(endStaleConference(state, ROOT, sec(7200))).toBe(true);
    expect(viewOf(state)).toMatchObject({ state: 'ended', endReason: 'stale' });
    // A re-fold (a late fact) keeps the stale end.
    applyEvent(state, contact('QUEUED', sec(1)), sec(7300));
    expect(viewOf(state).endReason).toBe('stale');
    expect(endStaleConference(state, ROOT, sec(7400))).toBe(false);
  });

  test('E1 a party dialled before the end but reported after it reopens the call', () => {
    const disconnect = contact('DISCONNECTED', sec(30));
    const dial = contact('INITIATED', sec(29), leg('t1'));
    const view = viewOf(run([...twoPartyCall(), disconnect, dial]));
    expect(view.state).toBe('active');
    expect(view).toEqual(viewOf(run([...twoPartyCall(), dial, disconnect])));
  });
});
