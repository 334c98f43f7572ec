import { describe, expect, test } from 'vitest';
import { ccp, connection, contact, leg, ROOT, sec, twoPartyCall } from './test-helpers/builders';
import { party, run, viewOf } from './test-helpers/run';

const twoParty = twoPartyCall();

describe('CCP snapshots → hold, mute and parties (M8)', () => {
  test('M8 self is the reporting agent on its own leg; customer is the customer', () => {
    const view = viewOf(
      run([
        ...twoParty,
        ccp('alice', sec(5), [
          connection('self', 'connected', { muted: true }),
          connection('customer', 'hold'),
        ]),
      ]),
    );
    expect(party(view, `a:${ROOT}`)).toMatchObject({ muted: true, state: 'connected' });
    expect(party(view, `c:${ROOT}`).state).toBe('hold');
  });

  test('M8 mute stays unknown (null) until a CCP reports it; no server source exposes mute', () => {
    const view = viewOf(run(twoParty));
    expect(party(view, `c:${ROOT}`).muted).toBeNull();
    expect(party(view, `a:${ROOT}`).forcedMute).toBeNull();
  });

  test('M8 an agent connection with an ARN no server source has confirmed stays CCP-only until one does', () => {
    const view = viewOf(
      run([
        ...twoParty,
        contact('INITIATED', sec(10), leg('t1')),
        ccp('alice', sec(12), [connection('agent', 'connected', { agent: 'zed' })]),
      ]),
    );
    expect(party(view, 'a:t1').agentArn).toBeNull();
    expect(view.participants.find((p) => p.ccpOnly)?.agentArn).toContain('agent/zed');
  });

  test('M8 an agent connection is matched by agent ARN, else by quick-connect name', () => {
    const events = [
      ...twoParty,
      contact('INITIATED', sec(10), leg('t1')),
      contact('CONNECTED_TO_AGENT', sec(12), { ...leg('t1'), agent: 'bob' }),
    ];
    const byArn = viewOf(
      run([...events, ccp('alice', sec(15), [connection('agent', 'hold', { agent: 'bob' })])]),
    );
    expect(party(byArn, 'a:t1').state).toBe('hold');
    const named = [
      ...events,
      ccp('bob', sec(14), [connection('self', 'connected', { name: 'Mortgage desk' })], 't1'),
    ];
    const byName = viewOf(
      run([
        ...named,
        ccp('alice', sec(15), [connection('agent', 'connected', { name: 'Mortgage desk', muted: true })]),
      ]),
    );
    expect(party(byName, 'a:t1').muted).toBe(true);
    expect(byName.participants.some((p) => p.ccpOnly)).toBe(false);
  });

  test('M8 an external connection is matched by number, else the earliest active unnumbered external leg, which keeps the number', () => {
    const events = [
      ...twoParty,
      contact('INITIATED', sec(10), leg('x1', 'EXTERNAL_OUTBOUND')),
      contact('CONNECTED_TO_SYSTEM', sec(12), leg('x1', 'EXTERNAL_OUTBOUND')),
      contact('INITIATED', sec(20), leg('x2', 'EXTERNAL_OUTBOUND')),
    ];
    const view = viewOf(
      run([
        ...events,
        ccp('alice', sec(21), [
          connection('external', 'connected', { phoneNumber: '+4930111', muted: true }),
        ]),
        ccp('alice', sec(22), [
          connection('external', 'connected', { phoneNumber: '+4930111', muted: false }),
        ]),
      ]),
    );
    expect(party(view, 'x:x1')).toMatchObject({ phoneNumber: '+4930111', muted: false });
    expect(party(view, 'x:x2').phoneNumber).toBeNull();
  });

  test('M8 CCP hold, mute and force-mute set the party and are kept as intervals', () => {
    const view = viewOf(
      run([
        ...twoParty,
        ccp('alice', sec(5), [
          connection('customer', 'hold'),
          connection('self', 'connected', { forcedMute: true }),
        ]),
        ccp('alice', sec(9), [connection('customer', 'connected', { muted: true })]),
      ]),
    );
    const customer = party(view, `c:${ROOT}`);
    expect(customer).toMatchObject({ state: 'connected', muted: true });
    expect(customer.holds).toEqual([
      { from: new Date(sec(5)).toISOString(), to: new Date(sec(9)).toISOString() },
    ]);
    expect(party(view, `a:${ROOT}`).forcedMute).toBe(true);
  });

  test('M8 a CCP may mark a party disconnected', () => {
    const view = viewOf(
      run([
        ...twoParty,
        contact('INITIATED', sec(10), { ...leg('x1', 'EXTERNAL_OUTBOUND'), phoneNumber: '+4930111' }),
        ccp('alice', sec(15), [connection('external', 'disconnected', { phoneNumber: '+4930111' })]),
      ]),
    );
    expect(party(view, 'x:x1').state).toBe('disconnected');
  });

  test('M8 O3 a disconnect report is never guessed onto an unnumbered leg (a wrong disconnect could not heal)', () => {
    const view = viewOf(
      run([
        ...twoParty,
        contact('INITIATED', sec(10), leg('x1', 'EXTERNAL_OUTBOUND')),
        ccp('alice', sec(15), [connection('external', 'disconnected', { phoneNumber: '+4930999' })]),
      ]),
    );
    expect(party(view, 'x:x1').state).toBe('dialing');
  });

  test('M8 a connection that matches no known party is listed as CCP-only and not counted', () => {
    const view = viewOf(
      run([
        ...twoParty,
        ccp('alice', sec(5), [connection('external', 'connected', { phoneNumber: '+4940999' })]),
      ]),
    );
    const unknown = view.participants.find((p) => p.ccpOnly)!;
    expect(unknown).toMatchObject({ role: 'external', phoneNumber: '+4940999', state: 'connected' });
    expect(view.activeParticipants).toBe(2);
  });

  test('M8 a CCP-only party is replaced once a server source confirms it', () => {
    const view = viewOf(
      run([
        ...twoParty,
        ccp('alice', sec(5), [connection('external', 'connected', { phoneNumber: '+4940999' })]),
        contact('INITIATED', sec(8), { ...leg('x1', 'EXTERNAL_OUTBOUND'), phoneNumber: '+4940999' }),
        contact('CONNECTED_TO_SYSTEM', sec(9), leg('x1', 'EXTERNAL_OUTBOUND')),
      ]),
    );
    expect(view.participants.filter((p) => p.ccpOnly)).toEqual([]);
    expect(party(view, 'x:x1').state).toBe('connected');
    expect(view.activeParticipants).toBe(3);
  });

  test('M8 supervisors are matched by ARN and report silent monitor or barge', () => {
    const view = viewOf(
      run([
        ...twoParty,
        contact('INITIATED', sec(5), leg('m1', 'MONITOR')),
        contact('CONNECTED_TO_AGENT', sec(6), { ...leg('m1', 'MONITOR'), agent: 'sue' }),
        ccp('alice', sec(7), [connection('supervisor', 'connected', { agent: 'sue', monitorMode: 'barge' })]),
      ]),
    );
    expect(party(view, 's:m1').monitorMode).toBe('barge');
  });
});

describe('M8 R7 R16 agent connections a CCP cannot name', () => {
  const withTransfer = [...twoParty, contact('INITIATED', sec(10), leg('t1'))];

  test('M8 a ringing agent connection is the ringing leg nobody has answered, not a CCP-only party', () => {
    const view = viewOf(
      run([
        ...withTransfer,
        ccp('alice', sec(11), [connection('agent', 'connecting', { name: 'Mortgage queue' })]),
      ]),
    );
    expect(view.participants.filter((p) => p.ccpOnly)).toEqual([]);
    expect(party(view, 'a:t1')).toMatchObject({ state: 'dialing', agentArn: null });
  });

  test('R16 R7 three-party "Internal transfer" is the one agent the reporter can see', () => {
    const events = [
      ...withTransfer,
      contact('CONNECTED_TO_AGENT', sec(15), { ...leg('t1'), agent: 'bob' }),
      ccp('alice', sec(20), [connection('agent', 'hold', { name: 'Internal transfer' })]),
      ccp(
        'bob',
        sec(21),
        [connection('agent', 'connected', { name: 'Internal transfer', muted: true })],
        't1',
      ),
    ];
    const view = viewOf(run(events, { mode: 'three-party' }));
    expect(view.participants.filter((p) => p.ccpOnly)).toEqual([]);
    expect(party(view, `a:${ROOT}`).muted).toBe(true);
    expect(party(view, 'a:t1').state).toBe('hold');
  });
});
