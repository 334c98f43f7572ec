import { describe, expect, test } from 'vitest';
import type { ConferenceMode } from '@/lib/conference';
import { buildPermissionTable, callFacts } from './permission-table';
import { conference, party } from './test-helpers/builders';

/** Customer, primary agent Ada, secondary agent Bo (added by Ada), external party added by Bo. */
function call(mode: ConferenceMode, extra: Parameters<typeof party>[] = []) {
  const c = conference('r', 0, { mode });
  c.participants = [
    party('c:r', 'customer', { phoneNumber: '+49301' }),
    party('a:r', 'agent', { primary: true, name: 'Ada' }),
    party('a:b', 'agent', { name: 'Bo', addedBy: 'a:r' }),
    party('x:x', 'external', { phoneNumber: '+49309', addedBy: 'a:b' }),
    ...extra.map((args) => party(...args)),
  ];
  c.activeParticipants = 4;
  return c;
}

function verdict(
  mode: ConferenceMode,
  actor: string,
  action: string,
  target: string,
  extra: Parameters<typeof party>[] = [],
) {
  const table = buildPermissionTable(call(mode, extra));
  const row = table.find((a) => a.name === actor)?.actions.find((r) => r.action === action);
  const v = row?.verdicts.find((x) => (target === '' ? true : x.targets.includes(target)));
  return v && { allowed: v.allowed, rule: v.rule };
}

describe('permission table', () => {
  test('one entry per agent on the call; supervisors only when they barge (R18)', () => {
    const silent = buildPermissionTable(
      call('multi-party', [['s:1', 'supervisor', { name: 'Sam', monitorMode: 'silent' }]]),
    );
    expect(silent.map((a) => a.name)).toEqual(['Ada', 'Bo']);
    const barge = buildPermissionTable(
      call('multi-party', [['s:1', 'supervisor', { name: 'Sam', monitorMode: 'barge' }]]),
    );
    expect(barge.map((a) => `${a.role} ${a.name}`)).toEqual([
      'Primary agent Ada',
      'Agent Bo',
      'Supervisor (barging) Sam',
    ]);
  });

  test('R9 three-party: an agent holds only the parties it added; multi-party: any party', () => {
    expect(verdict('three-party', 'Bo', 'hold', '+49309')).toEqual({ allowed: true, rule: 'R9' });
    expect(verdict('three-party', 'Bo', 'hold', '+49301')).toEqual({ allowed: false, rule: 'R9' });
    expect(verdict('multi-party', 'Bo', 'hold', '+49301')).toEqual({ allowed: true, rule: 'R9' });
  });

  test('R12 three-party: agents mute only themselves; multi-party: anyone', () => {
    expect(verdict('three-party', 'Ada', 'mute', 'Bo')).toEqual({ allowed: false, rule: 'R12' });
    expect(verdict('three-party', 'Ada', 'mute', 'themselves')).toEqual({ allowed: true, rule: 'R12' });
    expect(verdict('multi-party', 'Ada', 'mute', 'Bo')).toEqual({ allowed: true, rule: 'R12' });
  });

  test('R13 an agent never unmutes another agent, in either mode', () => {
    expect(verdict('multi-party', 'Ada', 'unmute', 'Bo')).toEqual({ allowed: false, rule: 'R13' });
    expect(verdict('three-party', 'Ada', 'unmute', 'Bo')).toEqual({ allowed: false, rule: 'R13' });
  });

  test('R15 three-party: only the primary agent disconnects others', () => {
    expect(verdict('three-party', 'Ada', 'disconnect', '+49309')).toEqual({ allowed: true, rule: 'R15' });
    expect(verdict('three-party', 'Bo', 'disconnect', '+49301')).toEqual({ allowed: false, rule: 'R15' });
  });

  test('R18 a force-muted agent cannot unmute itself', () => {
    const c = call('multi-party');
    c.participants[2] = party('a:b', 'agent', { name: 'Bo', addedBy: 'a:r', muted: true, forcedMute: true });
    const bo = buildPermissionTable(c).find((a) => a.name === 'Bo')!;
    const self = bo.actions
      .find((r) => r.action === 'unmute')!
      .verdicts.find((v) => v.targets.includes('themselves'));
    expect(self).toMatchObject({ allowed: false, rule: 'R18' });
  });

  test('parties with the same answer share one line, with the reason in words', () => {
    const ada = buildPermissionTable(call('multi-party')).find((a) => a.name === 'Ada')!;
    const hold = ada.actions.find((r) => r.action === 'hold')!;
    expect(hold.verdicts).toEqual([
      {
        allowed: true,
        rule: 'R9',
        reason: 'any agent can hold or resume any party',
        targets: ['+49301', 'Bo', '+49309'],
      },
      {
        allowed: false,
        rule: 'R9',
        reason: 'an agent holds other parties, not itself',
        targets: ['themselves'],
      },
    ]);
  });

  test('R21 R20 call-wide actions have one verdict and no targets', () => {
    const ada = buildPermissionTable(call('multi-party')).find((a) => a.name === 'Ada')!;
    const swap = ada.actions.find((r) => r.action === 'swap')!;
    expect(swap.verdicts).toHaveLength(1);
    expect(swap.verdicts[0]).toMatchObject({ rule: 'R21', targets: [] });
    expect(ada.actions.find((r) => r.action === 'join')!.verdicts[0]).toMatchObject({
      allowed: false,
      rule: 'R20',
    });
  });

  test('R15 the call facts know when the primary agent has left', () => {
    const c = call('three-party');
    c.participants[1] = party('a:r', 'agent', { primary: true, state: 'disconnected' });
    expect(callFacts(c).primaryPresent).toBe(false);
    expect(verdict('three-party', 'Bo', 'disconnect', '+49301')).toEqual({ allowed: false, rule: 'R15' });
    const bo = buildPermissionTable(c).find((a) => a.name === 'Bo')!;
    const drop = bo.actions
      .find((r) => r.action === 'disconnect')!
      .verdicts.find((v) => v.targets.includes('+49301'));
    expect(drop).toMatchObject({ allowed: true, rule: 'R15' });
  });
});
