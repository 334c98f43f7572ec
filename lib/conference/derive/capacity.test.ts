import { describe, expect, test } from 'vitest';
import type { ContactEvent } from '../events';
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
} from '../test-helpers/builders';
import { run, viewOf } from '../test-helpers/run';
import type { ConferenceMode } from '../enums';

/** Adds agent or external legs that all answer, one every ten seconds. */
function addParties(count: number, kind: 'agent' | 'external' = 'agent', from = 10): ContactEvent[] {
  const events: ContactEvent[] = [];
  for (let i = 0; i < count; i++) {
    const at = from + i * 10;
    if (kind === 'agent') {
      events.push(contact('INITIATED', sec(at), leg(`t${i}`)));
      events.push(contact('CONNECTED_TO_AGENT', sec(at + 5), { ...leg(`t${i}`), agent: `agent${i}` }));
    } else {
      events.push(contact('INITIATED', sec(at), leg(`x${i}`, 'EXTERNAL_OUTBOUND')));
      events.push(contact('CONNECTED_TO_SYSTEM', sec(at + 5), leg(`x${i}`, 'EXTERNAL_OUTBOUND')));
    }
  }
  return events;
}

const view = (events: readonly Parameters<typeof run>[0][number][], mode: ConferenceMode = 'multi-party') =>
  viewOf(run(events, { mode }));

describe('size and adding parties', () => {
  test('R1 multi-party calls hold six parties: the agent, the caller and four more', () => {
    const full = view([...twoPartyCall(), ...addParties(2), ...addParties(2, 'external', 40)]);
    expect(full).toMatchObject({ cap: 6, activeParticipants: 6, slotsLeft: 0 });
    expect(full.canAdd).toMatchObject({ allowed: false, rule: 'R1' });
  });

  test('R1 three-party calls hold three', () => {
    const full = view([...twoPartyCall(), ...addParties(1)], 'three-party');
    expect(full).toMatchObject({ cap: 3, activeParticipants: 3, slotsLeft: 0 });
    expect(full.canAdd.allowed).toBe(false);
  });

  test('R2 supervisors who monitor or barge are not counted against the cap', () => {
    const events = [
      ...twoPartyCall(),
      ...addParties(4),
      contact('INITIATED', sec(80), leg('m1', 'MONITOR')),
      contact('CONNECTED_TO_AGENT', sec(81), { ...leg('m1', 'MONITOR'), agent: 'sue' }),
      contact('INITIATED', sec(82), leg('m2', 'MONITOR')),
      contact('CONNECTED_TO_AGENT', sec(83), { ...leg('m2', 'MONITOR'), agent: 'sam' }),
    ];
    const v = view(events);
    expect(v.activeParticipants).toBe(6);
    expect(v.participants.filter((p) => p.role === 'supervisor' && p.state === 'connected')).toHaveLength(2);
    expect(v.alerts.map((a) => a.kind)).not.toContain('cap-exceeded');
  });

  test('R3 any agent may add parties while the total stays at or below six', () => {
    const v = view([...twoPartyCall(), ...addParties(2)]);
    expect(v.canAdd).toMatchObject({ allowed: true, rule: 'R3' });
    expect(v.slotsLeft).toBe(2);
  });

  test('R3 three-party mode: the agent can add one party (total three)', () => {
    expect(view(twoPartyCall(), 'three-party').canAdd).toMatchObject({ allowed: true, rule: 'R3' });
    expect(view([...twoPartyCall(), ...addParties(1)], 'three-party').canAdd).toMatchObject({
      allowed: false,
      rule: 'R3',
    });
  });

  test('R4 while a party is being dialled nobody can add another (multi-party)', () => {
    const dialing = view([...twoPartyCall(), contact('INITIATED', sec(10), leg('t1'))]);
    expect(dialing.dialing).toBe(true);
    expect(dialing.canAdd).toMatchObject({ allowed: false, rule: 'R4' });
    const answered = view([...twoPartyCall(), ...addParties(1)]);
    expect(answered.canAdd.allowed).toBe(true);
    const ended = view([
      ...twoPartyCall(),
      contact('INITIATED', sec(10), leg('t1')),
      contact('DISCONNECTED', sec(20), leg('t1')),
    ]);
    expect(ended.canAdd.allowed).toBe(true);
  });

  test('R5 after the caller hangs up, adding is allowed only with three or more on the call', () => {
    const three = view([...twoPartyCall(), ...addParties(2), contact('DISCONNECTED', sec(60))]);
    expect(three.activeParticipants).toBe(3);
    expect(three.canAdd.allowed).toBe(true);
    const two = view([...twoPartyCall(), ...addParties(1), contact('DISCONNECTED', sec(60))]);
    expect(two.activeParticipants).toBe(2);
    expect(two.canAdd).toMatchObject({ allowed: false, rule: 'R5' });
  });

  test('R6 after the primary agent leaves, adding needs three or more on the call', () => {
    const leave = agentSnapshot('alice', sec(60), [agentContact('ENDED')]);
    expect(view([...twoPartyCall(), ...addParties(2), leave]).canAdd.allowed).toBe(true);
    const two = view([...twoPartyCall(), ...addParties(1), leave]);
    expect(two.canAdd).toMatchObject({ allowed: false, rule: 'R6' });
  });

  test('R21 swap is offered only with exactly three participants, one on hold', () => {
    const hold = ccp('alice', sec(40), [connection('customer', 'hold')]);
    expect(view([...twoPartyCall(), ...addParties(1), hold]).swapAvailable).toBe(true);
    expect(view([...twoPartyCall(), ...addParties(1)]).swapAvailable).toBe(false);
    expect(view([...twoPartyCall(), ...addParties(2), hold]).swapAvailable).toBe(false);
  });

  test('R4 dialing counts towards the cap', () => {
    const v = view([...twoPartyCall(), ...addParties(3), contact('INITIATED', sec(70), leg('t9'))]);
    expect(v).toMatchObject({ activeParticipants: 6, slotsLeft: 0 });
    expect(v.participants.find((p) => p.id === 'a:t9')!.state).toBe('dialing');
    expect(ROOT).toBe(v.id);
  });
});
