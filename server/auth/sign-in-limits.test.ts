import { describe, expect, test } from 'vitest';
import { BACKOFF_START_MS, createSignInLimits } from './sign-in-limits';

const MINUTE = 60_000;

function limitsAt(start = 0) {
  const clock = { now: start };
  const limits = createSignInLimits({ perAddress: 5, perUser: 3, windowMs: 10 * MINUTE }, () => clock.now);
  return { clock, limits };
}

describe('sign-in limits count failures, not attempts', () => {
  test('a right password costs nothing: checks alone never run out', () => {
    const { limits } = limitsAt();
    for (let i = 0; i < 100; i++) expect(limits.check('ana', '10.0.0.1')).toBeUndefined();
  });

  test('an address is held back after perAddress failures, whatever users it names', () => {
    const { clock, limits } = limitsAt();
    for (let i = 0; i < 5; i++) limits.failed(`guess-${i}`, '10.0.0.1');
    expect(limits.check('someone-else', '10.0.0.1')).toEqual({ retryAfterSeconds: 600 });
    expect(limits.check('someone-else', '10.0.0.2')).toBeUndefined();
    clock.now += 10 * MINUTE;
    expect(limits.check('someone-else', '10.0.0.1')).toBeUndefined();
  });

  test('one user from one address is held back after perUser failures, even with the right password', () => {
    const { clock, limits } = limitsAt();
    for (let i = 0; i < 3; i++) limits.failed('ana', '10.0.0.1');
    expect(limits.check('ana', '10.0.0.1')).toBeDefined();
    clock.now += 10 * MINUTE;
    expect(limits.check('ana', '10.0.0.1')).toBeUndefined();
  });

  test('failures from many addresses never hold back an address that has none for that user', () => {
    const { clock, limits } = limitsAt();
    for (let i = 0; i < 200; i++) {
      limits.failed('ana', `203.0.113.${i % 250}`);
      clock.now += 1_000;
      expect(limits.check('ana', '10.0.0.1')).toBeUndefined();
    }
  });

  test('beyond perUser failures a backoff, doubling, holds back the addresses that failed for that user', () => {
    const { clock, limits } = limitsAt();
    limits.failed('ana', '10.0.0.1'); // the user's own typo
    limits.failed('ana', '203.0.113.1');
    expect(limits.check('ana', '10.0.0.1')).toBeUndefined(); // 2 failures: no backoff yet
    limits.failed('ana', '203.0.113.2'); // the 3rd: a backoff of 1 s
    expect(limits.check('ana', '10.0.0.1')).toEqual({ retryAfterSeconds: 1 });
    clock.now += BACKOFF_START_MS;
    expect(limits.check('ana', '10.0.0.1')).toBeUndefined();
    for (let i = 0; i < 4; i++) limits.failed('ana', `203.0.113.${10 + i}`); // 4th to 7th: 16 s
    expect(limits.check('ana', '10.0.0.1')).toEqual({ retryAfterSeconds: 16 });
    expect(limits.check('ana', '10.0.0.99')).toBeUndefined();
    // However long the attack goes on, the backoff is never longer than the window.
    for (let i = 0; i < 40; i++) limits.failed('ana', `198.51.100.${i}`);
    expect(limits.check('ana', '10.0.0.1')).toEqual({ retryAfterSeconds: 600 });
  });

  test("a success forgives the user's failures and backoff, not the address's", () => {
    const { limits } = limitsAt();
    for (let i = 0; i < 2; i++) limits.failed('ana', '10.0.0.1');
    limits.failed('ana', '203.0.113.1');
    expect(limits.check('ana', '10.0.0.1')).toBeDefined(); // in the backoff
    limits.succeeded('ana', '10.0.0.1');
    for (let i = 0; i < 2; i++) limits.failed('ana', '10.0.0.1');
    expect(limits.check('ana', '10.0.0.1')).toBeUndefined();
    limits.failed('ana', '10.0.0.1'); // 5 failures from this address in all: its limit
    expect(limits.check('bea', '10.0.0.1')).toBeDefined();
  });
});
