import { describe, expect, test } from 'vitest';
import {
  agentContact,
  agentSnapshot,
  answeredAgentLeg,
  contact,
  leg,
  ROOT,
  sec,
  twoPartyCall,
} from './test-helpers/builders';
import { party, run, viewOf } from './test-helpers/run';

const twoParty = twoPartyCall();
const withBob = [...twoParty, ...answeredAgentLeg('t1', 10, { agent: 'bob' })];

describe('agent events → parties (M7)', () => {
  test('M7 CONNECTING / INCOMING / PENDING mean the agent is being dialled', () => {
    for (const state of ['CONNECTING', 'INCOMING', 'PENDING'] as const) {
      const view = viewOf(
        run([
          ...twoParty,
          contact('INITIATED', sec(10), leg('t1')),
          agentSnapshot('bob', sec(11), [agentContact(state, leg('t1'))]),
        ]),
      );
      expect(party(view, 'a:t1').state).toBe('dialing');
    }
  });

  test('M7 CONNECTED on a transfer leg connects that agent and names it from Configuration', () => {
    const view = viewOf(
      run([
        ...twoParty,
        contact('INITIATED', sec(10), leg('t1')),
        agentSnapshot('bob', sec(12), [agentContact('CONNECTED', leg('t1'))]),
      ]),
    );
    expect(party(view, 'a:t1')).toMatchObject({ state: 'connected', name: 'Bob Agent' });
  });

  test('M7 CONNECTED_ONHOLD on the root leg puts the customer on hold, not the agent', () => {
    const view = viewOf(
      run([...twoParty, agentSnapshot('alice', sec(5), [agentContact('CONNECTED_ONHOLD')])]),
    );
    expect(party(view, `c:${ROOT}`).state).toBe('hold');
    expect(party(view, `a:${ROOT}`).state).toBe('connected');
  });

  test('M7 CONNECTED_ONHOLD on a transfer leg puts that agent on hold; CONNECTED takes it off', () => {
    const held = [...withBob, agentSnapshot('bob', sec(20), [agentContact('CONNECTED_ONHOLD', leg('t1'))])];
    expect(party(viewOf(run(held)), 'a:t1').state).toBe('hold');
    const resumed = [...held, agentSnapshot('bob', sec(25), [agentContact('CONNECTED', leg('t1'))])];
    const view = viewOf(run(resumed));
    expect(party(view, 'a:t1').state).toBe('connected');
    expect(party(view, 'a:t1').holds).toEqual([
      { from: new Date(sec(20)).toISOString(), to: new Date(sec(25)).toISOString() },
    ]);
  });

  test('M7 ENDED and ERROR mean the agent has left', () => {
    for (const state of ['ENDED', 'ERROR'] as const) {
      const view = viewOf(run([...withBob, agentSnapshot('bob', sec(30), [agentContact(state, leg('t1'))])]));
      expect(party(view, 'a:t1')).toMatchObject({
        state: 'disconnected',
        leftAt: new Date(sec(30)).toISOString(),
      });
    }
  });

  test('M7 MISSED / REJECTED: that agent never joined, the leg keeps ringing until another answers', () => {
    const missed = [
      ...twoParty,
      contact('INITIATED', sec(10), leg('t1')),
      agentSnapshot('bob', sec(11), [agentContact('CONNECTING', leg('t1'))]),
      agentSnapshot('bob', sec(20), [agentContact('MISSED', leg('t1'))]),
    ];
    expect(party(viewOf(run(missed)), 'a:t1')).toMatchObject({ state: 'dialing', agentArn: null });
    const answered = [...missed, agentSnapshot('carol', sec(24), [agentContact('CONNECTED', leg('t1'))])];
    const view = viewOf(run(answered));
    expect(party(view, 'a:t1').state).toBe('connected');
    expect(party(view, 'a:t1').agentArn).toContain('agent/carol');
    // Bob's later snapshot without the leg says nothing about Carol.
    const bobGone = viewOf(run([...answered, agentSnapshot('bob', sec(30), [])]));
    expect(party(bobGone, 'a:t1').state).toBe('connected');
  });

  test('M7 a contact missing from a later snapshot of the same agent means it has left', () => {
    const events = [
      ...withBob,
      agentSnapshot('bob', sec(13), [agentContact('CONNECTED', leg('t1'))]),
      agentSnapshot('bob', sec(40), []),
    ];
    expect(party(viewOf(run(events)), 'a:t1')).toMatchObject({
      state: 'disconnected',
      leftAt: new Date(sec(40)).toISOString(),
    });
  });

  test('M7 the leave time is the first later snapshot without the contact, whatever order they arrive in', () => {
    const present = agentSnapshot('bob', sec(13), [agentContact('CONNECTED', leg('t1'))]);
    const gone1 = agentSnapshot('bob', sec(40), []);
    const gone2 = agentSnapshot('bob', sec(50), []);
    for (const order of [
      [present, gone1, gone2],
      [gone2, gone1, present],
      [gone2, present, gone1],
    ]) {
      const view = viewOf(run([...withBob, ...order]));
      expect(party(view, 'a:t1').leftAt).toBe(new Date(sec(40)).toISOString());
    }
  });

  test('M7 an earlier snapshot without the contact is not a leave', () => {
    const view = viewOf(
      run([
        ...withBob,
        agentSnapshot('bob', sec(5), []),
        agentSnapshot('bob', sec(13), [agentContact('CONNECTED', leg('t1'))]),
      ]),
    );
    expect(party(view, 'a:t1').state).toBe('connected');
  });

  test('M7 external legs in an agent snapshot are ignored (agent events never describe external parties)', () => {
    const view = viewOf(
      run([
        ...twoParty,
        contact('INITIATED', sec(10), leg('x1', 'EXTERNAL_OUTBOUND')),
        agentSnapshot('alice', sec(11), [
          agentContact('CONNECTED'),
          agentContact('CONNECTED', leg('x1', 'EXTERNAL_OUTBOUND')),
        ]),
      ]),
    );
    expect(party(view, 'x:x1').state).toBe('dialing');
  });
});

test('M7 agent events name the queue that contact events give only by ARN', () => {
  const view = viewOf(
    run([
      contact('QUEUED', sec(1), { queue: 'q-7' }),
      { ...contact('CONNECTED_TO_AGENT', sec(2), { agent: 'alice' }), queue: { arn: 'arn:queue/q-7' } },
      agentSnapshot('alice', sec(3), [
        { ...agentContact('CONNECTED'), queue: { arn: 'arn:queue/q-7', name: 'Mortgages' } },
      ]),
    ]),
  );
  expect(view.queue).toEqual({ arn: 'arn:queue/q-7', name: 'Mortgages' });
});
