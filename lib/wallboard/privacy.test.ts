import { describe, expect, test } from 'vitest';
import { conference, party } from '@/lib/board/test-helpers/builders';
import { personLabel, privateConference } from './privacy';
import { maskChangeForWallboard, maskSummaryForWallboard } from './wire-mask';

describe('personLabel', () => {
  test('initials of the first and last name, the first name, or the name in full', () => {
    expect(personLabel('Lena Hoffmann', 'initials')).toBe('LH');
    expect(personLabel('Jean-Baptiste  Montgomery-Whitfield', 'initials')).toBe('JM');
    expect(personLabel('Anna Maria Keller', 'initials')).toBe('AK');
    expect(personLabel('Łukasz', 'initials')).toBe('Ł');
    expect(personLabel('Lena Hoffmann', 'first-name')).toBe('Lena');
    expect(personLabel('Lena Hoffmann', 'full')).toBe('Lena Hoffmann');
  });
});

describe('privateConference', () => {
  const call = conference('k1', 3, {}, [
    party('x:ext', 'external', { phoneNumber: '+4930885312001', name: 'Notary +49 30 8853 1200' }),
  ]);
  call.participants[1] = { ...call.participants[1]!, name: 'Lena Hoffmann' };

  test('by default agents by initials, numbers masked wherever they are', () => {
    const shown = privateConference(call, 'initials');
    const [customer, agent] = shown.participants;
    expect(customer!.phoneNumber).toBe('+49 30 •• •• 56');
    expect(agent!.name).toBe('LH');
    const external = shown.participants.find((p) => p.id === 'x:ext')!;
    expect(external.phoneNumber).toBe('+49 30 ••• •• •• 01');
    expect(external.name).toBe('Notary +•• •• •••• ••00');
    expect(JSON.stringify(shown)).not.toMatch(/8853|1234/);
  });

  test('first-name shows agents by first name; full shows the card as it came', () => {
    expect(privateConference(call, 'first-name').participants[1]!.name).toBe('Lena');
    expect(privateConference(call, 'full')).toBe(call);
  });
});

describe('the wallboard role on the wire', () => {
  const hide = (key: string) => `h${key.length}`;
  const call = conference('w1', 3, {}, [
    party('p:external:+4930885312001', 'external', {
      contactId: 'w1',
      phoneNumber: '+4930885312001',
      ccpOnly: true,
    }),
  ]);
  call.participants[1] = { ...call.participants[1]!, name: 'Lena Hoffmann' };

  test('carries no raw number: not in the number, not in a CCP name, not in a CCP-only id', () => {
    const masked = maskSummaryForWallboard(call, hide);
    const json = JSON.stringify(masked);
    expect(json).not.toContain('+4930123456');
    expect(json).not.toContain('885312001');
    expect(masked.participants.map((p) => p.id)).toContain('p:external:h14');
    // Agents are the page's to shorten (privacy=full may ask for their names).
    expect(masked.participants[1]!.name).toBe('Lena Hoffmann');
  });

  test('a change without parties passes as it is; one with parties is masked', () => {
    const bare = { id: 'w1', lastEventAt: call.lastEventAt };
    expect(maskChangeForWallboard(bare, hide)).toBe(bare);
    const withParties = maskChangeForWallboard({ id: 'w1', participants: call.participants }, hide);
    expect(JSON.stringify(withParties)).not.toContain('+4930123456');
  });
});
