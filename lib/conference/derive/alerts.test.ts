import { describe, expect, test } from 'vitest';
import {
  agentContact,
  agentSnapshot,
  answeredAgentLeg,
  ccp,
  connection,
  contact,
  leg,
  ROOT,
  sec,
  twoPartyCall,
} from '../test-helpers/builders';
import { alertKinds, run, viewOf } from '../test-helpers/run';

const iso = (s: number) => new Date(sec(s)).toISOString();
const addExternal = (id: string, at: number) => [
  contact('INITIATED', sec(at), leg(id, 'EXTERNAL_OUTBOUND')),
  contact('CONNECTED_TO_SYSTEM', sec(at + 2), leg(id, 'EXTERNAL_OUTBOUND')),
];

describe('alerts', () => {
  test('A1 cap-reached (warning) while active participants equal the cap, cleared when one leaves', () => {
    const events = [
      ...twoPartyCall(),
      ...answeredAgentLeg('t1', 10),
      ...answeredAgentLeg('t2', 20),
      ...addExternal('x1', 30),
      ...addExternal('x2', 40),
    ];
    const at = viewOf(run(events));
    expect(at.alerts).toEqual([{ kind: 'cap-reached', severity: 'warning', since: iso(40) }]);
    const below = viewOf(run([...events, contact('DISCONNECTED', sec(60), leg('x2', 'EXTERNAL_OUTBOUND'))]));
    expect(below.alerts).toEqual([]);
    expect(below.alertHistory).toEqual([
      { kind: 'cap-reached', severity: 'warning', raisedAt: iso(40), clearedAt: iso(60) },
    ]);
  });

  test('A1 cap-reached in three-party mode at three', () => {
    expect(
      alertKinds(viewOf(run([...twoPartyCall(), ...answeredAgentLeg('t1', 10)], { mode: 'three-party' }))),
    ).toEqual(['cap-reached']);
  });

  test('A2 R26 contact-lens-conflict (critical) with Contact Lens on any active leg and three or more parties', () => {
    const on = viewOf(run([...twoPartyCall({ contactLens: true }), ...addExternal('x1', 10)]));
    expect(on.alerts).toEqual([{ kind: 'contact-lens-conflict', severity: 'critical', since: iso(10) }]);
    expect(alertKinds(viewOf(run([...twoPartyCall({ contactLens: true })])))).toEqual([]);
    expect(
      alertKinds(viewOf(run([...twoPartyCall({ contactLens: false }), ...addExternal('x1', 10)]))),
    ).toEqual([]);
  });

  test('A2 R27 Contact Lens is per leg: an added leg with it on raises the conflict', () => {
    const v = viewOf(
      run([...twoPartyCall({ contactLens: false }), ...answeredAgentLeg('t1', 10, { contactLens: true })]),
    );
    expect(alertKinds(v)).toEqual(['contact-lens-conflict']);
  });

  test('A2 counts a party being dialled', () => {
    const v = viewOf(run([...twoPartyCall({ contactLens: true }), contact('INITIATED', sec(10), leg('t1'))]));
    expect(alertKinds(v)).toEqual(['contact-lens-conflict']);
  });

  test('A3 long-hold (warning) once the customer has been held longer than the threshold, since hold start + threshold', () => {
    const state = run([...twoPartyCall(), ccp('alice', sec(10), [connection('customer', 'hold')])], {
      longHoldMs: 60_000,
    });
    expect(alertKinds(viewOf(state, sec(60)))).toEqual([]);
    expect(viewOf(state, sec(75)).alerts).toEqual([
      { kind: 'long-hold', severity: 'warning', since: iso(70) },
    ]);
  });

  test('A3 clears when the hold ends and history keeps raise and clear', () => {
    const state = run(
      [
        ...twoPartyCall(),
        ccp('alice', sec(10), [connection('customer', 'hold')]),
        agentSnapshot('alice', sec(100), [agentContact('CONNECTED')]),
      ],
      { longHoldMs: 60_000 },
    );
    const v = viewOf(state, sec(200));
    expect(v.alerts).toEqual([]);
    expect(v.alertHistory).toEqual([
      { kind: 'long-hold', severity: 'warning', raisedAt: iso(70), clearedAt: iso(100) },
    ]);
    expect(v.timeline.filter((e) => e.alert === 'long-hold').map((e) => [e.kind, e.at])).toEqual([
      ['alert-raised', iso(70)],
      ['alert-cleared', iso(100)],
    ]);
  });

  test('A4 no-agent (warning): caller and an external party on the line with no agent connected or on hold', () => {
    const v = viewOf(
      run([
        ...twoPartyCall(),
        ...addExternal('x1', 10),
        agentSnapshot('alice', sec(30), [agentContact('ENDED')]),
      ]),
    );
    expect(v.alerts).toContainEqual({ kind: 'no-agent', severity: 'warning', since: iso(30) });
  });

  test('A4 is not raised while an agent is on hold', () => {
    const v = viewOf(
      run([
        ...twoPartyCall(),
        ...addExternal('x1', 10),
        ...answeredAgentLeg('t1', 15),
        agentSnapshot('agent-t1', sec(20), [agentContact('CONNECTED_ONHOLD', leg('t1'))]),
        agentSnapshot('alice', sec(30), [agentContact('ENDED')]),
      ]),
    );
    expect(alertKinds(v)).not.toContain('no-agent');
  });

  test('A5 caller-dropped (info): the customer left and the conference goes on', () => {
    const v = viewOf(
      run([...twoPartyCall(), ...answeredAgentLeg('t1', 10), contact('DISCONNECTED', sec(30))]),
    );
    expect(v.alerts).toEqual([{ kind: 'caller-dropped', severity: 'info', since: iso(30) }]);
  });

  test('A6 primary-left (info): the primary agent left and the conference goes on', () => {
    const v = viewOf(
      run([
        ...twoPartyCall(),
        ...answeredAgentLeg('t1', 10),
        agentSnapshot('alice', sec(30), [agentContact('ENDED')]),
      ]),
    );
    expect(v.alerts).toEqual([{ kind: 'primary-left', severity: 'info', since: iso(30) }]);
  });

  test('A7 cap-exceeded (critical): more active parties than the cap', () => {
    const events = [...twoPartyCall(), ...answeredAgentLeg('t1', 10), ...answeredAgentLeg('t2', 20)];
    const v = viewOf(run(events, { mode: 'three-party' }));
    expect(v.activeParticipants).toBe(4);
    expect(v.alerts).toContainEqual({ kind: 'cap-exceeded', severity: 'critical', since: iso(20) });
    expect(alertKinds(v)).not.toContain('cap-reached');
  });

  test('A1–A7 an ended conference carries no live alerts; history keeps when each was cleared', () => {
    const v = viewOf(
      run([
        ...twoPartyCall({ contactLens: true }),
        ...answeredAgentLeg('t1', 10),
        contact('DISCONNECTED', sec(30)),
        agentSnapshot('alice', sec(31), [agentContact('ENDED')]),
        agentSnapshot('agent-t1', sec(32), [agentContact('ENDED', leg('t1'))]),
      ]),
    );
    expect(v.state).toBe('ended');
    expect(v.alerts).toEqual([]);
    expect(v.alertHistory.every((a) => a.clearedAt !== null)).toBe(true);
    expect(v.alertHistory.map((a) => a.kind)).toEqual(['contact-lens-conflict', 'caller-dropped']);
  });

  test('A-rules raise nothing before the call is listed (no agent yet)', () => {
    const v = viewOf(
      run([
        contact('INITIATED', sec(0), { contactLens: true }),
        contact('INITIATED', sec(1), leg('x1', 'EXTERNAL_OUTBOUND')),
      ]),
    );
    expect(v.alerts).toEqual([]);
    expect(v.id).toBe(ROOT);
  });
});
