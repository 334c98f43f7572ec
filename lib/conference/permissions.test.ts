import { describe, expect, test } from 'vitest';
import type { ConferenceMode } from './enums';
import { permissions, type CallFacts, type Party } from './permissions';

const party = (id: string, role: Party['role'], extra: Partial<Party> = {}): Party => ({
  id,
  role,
  primary: false,
  state: 'connected',
  muted: false,
  forcedMute: false,
  addedBy: role === 'customer' ? null : 'A',
  ...extra,
});

const primary = party('A', 'agent', { primary: true, addedBy: null });
const secondary = party('B', 'agent');
const third = party('D', 'agent', { addedBy: 'B' });
const caller = party('C', 'customer');
const external = party('X', 'external', { addedBy: 'B' });
const call: CallFacts = {
  canAdd: { allowed: true, rule: 'R3', reason: 'room' },
  swapAvailable: false,
  primaryPresent: true,
  anyHeld: false,
};

const decide = (
  mode: ConferenceMode,
  actor: Party,
  target: Party,
  action: Parameters<typeof permissions>[3],
  facts = call,
) => permissions(mode, actor, target, action, facts);

describe('who may do what (R7–R21)', () => {
  test('R8 multi-party: every agent has the same controls from the moment it accepts', () => {
    expect(decide('multi-party', secondary, caller, 'hold')).toMatchObject({ allowed: true });
    expect(decide('multi-party', party('B', 'agent', { state: 'dialing' }), caller, 'hold')).toMatchObject({
      allowed: false,
      rule: 'R8',
    });
  });

  test('R8 R9 three-party: an agent controls (holds) only the parties it added', () => {
    expect(decide('three-party', secondary, external, 'hold')).toMatchObject({ allowed: true, rule: 'R9' });
    expect(decide('three-party', secondary, caller, 'hold')).toMatchObject({ allowed: false, rule: 'R9' });
    expect(decide('three-party', primary, caller, 'hold')).toMatchObject({ allowed: true });
  });

  test('R9 multi-party: any agent can hold any party', () => {
    expect(decide('multi-party', third, primary, 'hold')).toMatchObject({ allowed: true, rule: 'R9' });
  });

  test('R10 three-party: a secondary agent held by the primary cannot take itself off hold; multi-party it can', () => {
    const held = party('B', 'agent', { state: 'hold' });
    expect(decide('three-party', held, held, 'resume')).toMatchObject({ allowed: false, rule: 'R10' });
    expect(decide('multi-party', held, held, 'resume')).toMatchObject({ allowed: true, rule: 'R10' });
  });

  test('R12 three-party: agents can mute only themselves; multi-party: any agent can mute any other participant', () => {
    expect(decide('three-party', secondary, secondary, 'mute')).toMatchObject({ allowed: true, rule: 'R12' });
    expect(decide('three-party', primary, caller, 'mute')).toMatchObject({ allowed: false, rule: 'R12' });
    expect(decide('multi-party', secondary, primary, 'mute')).toMatchObject({ allowed: true, rule: 'R12' });
  });

  test('R13 an agent can unmute only itself, never another agent; non-agent parties may be unmuted in multi-party', () => {
    const mutedPrimary = party('A', 'agent', { primary: true, muted: true, addedBy: null });
    expect(decide('multi-party', secondary, mutedPrimary, 'unmute')).toMatchObject({
      allowed: false,
      rule: 'R13',
    });
    expect(decide('three-party', secondary, mutedPrimary, 'unmute')).toMatchObject({
      allowed: false,
      rule: 'R13',
    });
    expect(decide('multi-party', mutedPrimary, mutedPrimary, 'unmute')).toMatchObject({
      allowed: true,
      rule: 'R13',
    });
    expect(decide('multi-party', secondary, party('C', 'customer', { muted: true }), 'unmute')).toMatchObject(
      { allowed: true },
    );
    expect(decide('three-party', primary, party('C', 'customer', { muted: true }), 'unmute')).toMatchObject({
      allowed: false,
    });
  });

  test('R14 R25 an agent can always leave; control stays with the remaining agents', () => {
    expect(decide('three-party', secondary, secondary, 'disconnect')).toMatchObject({
      allowed: true,
      rule: 'R25',
    });
    const leftPrimary = { ...call, primaryPresent: false };
    expect(decide('multi-party', secondary, caller, 'hold', leftPrimary).allowed).toBe(true);
  });

  test('R15 three-party: only the primary disconnects a party; a secondary may drop the caller once the primary has left', () => {
    expect(decide('three-party', primary, secondary, 'disconnect')).toMatchObject({
      allowed: true,
      rule: 'R15',
    });
    expect(decide('three-party', secondary, caller, 'disconnect')).toMatchObject({
      allowed: false,
      rule: 'R15',
    });
    expect(
      decide('three-party', secondary, caller, 'disconnect', { ...call, primaryPresent: false }),
    ).toMatchObject({ allowed: true, rule: 'R15' });
  });

  test('R15 multi-party: every agent can disconnect every other participant', () => {
    expect(decide('multi-party', third, caller, 'disconnect')).toMatchObject({ allowed: true, rule: 'R15' });
  });

  test('R17 before a warm transfer completes, an agent can disconnect every other agent', () => {
    expect(decide('multi-party', secondary, primary, 'disconnect')).toMatchObject({
      allowed: true,
      rule: 'R17',
    });
  });

  test('R18 a barging supervisor force-mutes an agent, who cannot unmute itself until released', () => {
    const barging = party('S', 'supervisor', { monitorMode: 'barge', addedBy: null });
    expect(decide('multi-party', barging, secondary, 'mute')).toMatchObject({ allowed: true, rule: 'R18' });
    const forced = party('B', 'agent', { muted: true, forcedMute: true });
    expect(decide('multi-party', forced, forced, 'unmute')).toMatchObject({ allowed: false, rule: 'R18' });
    expect(decide('multi-party', barging, forced, 'unmute')).toMatchObject({ allowed: true, rule: 'R18' });
    const silent = party('S', 'supervisor', { monitorMode: 'silent', addedBy: null });
    expect(decide('multi-party', silent, secondary, 'mute')).toMatchObject({ allowed: false, rule: 'R2' });
  });

  test('R3 R4 add follows the call-wide decision; R20 join needs someone on hold; R21 swap needs exactly three', () => {
    expect(
      decide('multi-party', primary, primary, 'add', {
        ...call,
        canAdd: { allowed: false, rule: 'R4', reason: 'dialling' },
      }),
    ).toMatchObject({
      allowed: false,
      rule: 'R4',
    });
    expect(decide('multi-party', primary, primary, 'join')).toMatchObject({ allowed: false, rule: 'R20' });
    expect(decide('multi-party', primary, primary, 'join', { ...call, anyHeld: true })).toMatchObject({
      allowed: true,
      rule: 'R20',
    });
    expect(decide('multi-party', primary, primary, 'swap')).toMatchObject({ allowed: false, rule: 'R21' });
    expect(decide('three-party', primary, primary, 'swap', { ...call, swapAvailable: true })).toMatchObject({
      allowed: true,
      rule: 'R21',
    });
  });

  test('R2 supervisors and parties that left are not controlled by agents', () => {
    expect(decide('multi-party', primary, party('S', 'supervisor'), 'hold')).toMatchObject({
      allowed: false,
      rule: 'R2',
    });
    expect(
      decide('multi-party', primary, party('X', 'external', { state: 'disconnected' }), 'hold').allowed,
    ).toBe(false);
    expect(decide('multi-party', caller, primary, 'hold')).toMatchObject({ allowed: false, rule: 'R8' });
  });
});
