import { describe, expect, test } from 'vitest';
import {
  formatPhone,
  muteStateOf,
  partyAriaLabel,
  partyName,
  partyTitle,
  phoneGroups,
  roleText,
} from './party';
import { arnTail, queueLabel } from './labels';
import { party } from './test-helpers/builders';

describe('party labels', () => {
  test('M8 mute is unknown until a CCP reports it; force-mute wins over mute (R18)', () => {
    expect(muteStateOf({ muted: null, forcedMute: null })).toBe('unknown');
    expect(muteStateOf({ muted: false, forcedMute: false })).toBe('unmuted');
    expect(muteStateOf({ muted: true, forcedMute: false })).toBe('muted');
    expect(muteStateOf({ muted: false, forcedMute: true })).toBe('forced');
  });

  test('a party is named by name, else number, else a short agent id, else its role', () => {
    expect(partyName(party('a:1', 'agent', { name: 'Elif Costa' }))).toBe('Elif Costa');
    expect(partyName(party('c:1', 'customer', { phoneNumber: '+49301234' }))).toBe('+49 301 234');
    expect(partyName(party('a:abcdef123456', 'agent'))).toBe('Agent abcdef12');
    expect(partyName(party('x:1', 'external', { phoneNumber: null }))).toBe('Unknown number');
    expect(partyName(party('a:1', 'agent', { agentArn: null }))).toBe('Unnamed agent');
  });

  test('numbers are grouped for the eye after their country code', () => {
    expect(formatPhone('+4917110680167')).toBe('+49 171 106 801 67');
    expect(formatPhone('+49301165917')).toBe('+49 301 165 917');
    expect(formatPhone('+14155550123')).toBe('+1 415 555 0123');
    expect(formatPhone('+353861234567')).toBe('+353 861 234 567');
    expect(formatPhone('anonymous')).toBe('anonymous');
  });

  test('the accessible name keeps the number as the sources carry it', () => {
    const customer = party('c:1', 'customer', { phoneNumber: '+4930123456', state: 'hold', muted: false });
    expect(partyAriaLabel(customer)).toBe('Customer +4930123456, on hold, not muted');
  });

  test('the accessible name says role, name, state and mute', () => {
    const customer = party('c:1', 'customer', { phoneNumber: '+49 30 1234', state: 'hold', muted: true });
    expect(partyAriaLabel(customer)).toBe('Customer +49 30 1234, on hold, muted');
  });

  test('M4 an agent leg still being dialed has no name yet, and says so once', () => {
    const dialing = party('a:2', 'agent', { agentArn: null, state: 'dialing', muted: null });
    expect(partyAriaLabel(dialing)).toBe('Agent, name not yet known, dialing, mute unknown');
  });

  test('R2 a supervisor is labelled not counted; M8 a CCP-only party is labelled as such', () => {
    const supervisor = party('s:1', 'supervisor', { name: 'Tara', monitorMode: 'barge' });
    expect(partyAriaLabel(supervisor)).toBe('Supervisor (barging) Tara, connected, not muted, not counted');
    const ccp = party('p:1', 'agent', { name: 'Billing team', ccpOnly: true, state: 'dialing', muted: null });
    expect(partyAriaLabel(ccp)).toBe('Agent Billing team, dialing, mute unknown, seen only by a CCP');
  });

  test('the primary agent is marked in words', () => {
    expect(roleText({ role: 'agent', primary: true, monitorMode: null })).toBe('Primary agent');
    expect(roleText({ role: 'agent', primary: false, monitorMode: null })).toBe('Agent');
  });

  test('a queue without a name shows a short tail of its ARN', () => {
    expect(arnTail('arn:aws:connect:x:1:instance/i/queue/09668534-e668')).toBe('09668534');
    expect(queueLabel({ arn: 'arn:q/queue/09668534-e668', name: null })).toBe('Queue 09668534');
    expect(queueLabel({ arn: 'arn:q/queue/1', name: 'Mortgages' })).toBe('Mortgages');
    expect(queueLabel(null)).toBe('No queue');
  });

  test('a node shows a number in its groups, so it wraps between them, never inside one', () => {
    expect(phoneGroups({ name: null, phoneNumber: '+4917197338912' })).toEqual([
      '+49',
      '171',
      '973',
      '389',
      '12',
    ]);
    expect(phoneGroups({ name: null, phoneNumber: '+49 30 2291 4410' })).toEqual([
      '+49',
      '30',
      '2291',
      '4410',
    ]);
    expect(phoneGroups({ name: 'Broker', phoneNumber: '+4917197338912' })).toBeNull();
    expect(phoneGroups({ name: null, phoneNumber: null })).toBeNull();
  });

  test('the hover title names the party as the node shows it (the accessible name keeps the source number)', () => {
    const customer = party('c:1', 'customer', { phoneNumber: '+4917197338912' });
    expect(partyTitle(customer)).toBe('Customer +49 171 973 389 12, connected, not muted');
    expect(partyAriaLabel(customer)).toBe('Customer +4917197338912, connected, not muted');
    const unnamed = party('a:1', 'agent', { agentArn: null, state: 'dialing', muted: null });
    expect(partyTitle(unnamed)).toBe('Unnamed agent (name not yet known), dialing, mute unknown');
  });
});
