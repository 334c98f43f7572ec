import { expect, test } from 'vitest';
import { createThrottle } from './throttle';

const MINUTE = 60_000;

test('counts per key within a window, and starts again when the window has passed', () => {
  let now = 0;
  const throttle = createThrottle(2, MINUTE, () => now);
  expect([throttle.attempt('a'), throttle.attempt('a'), throttle.attempt('a')]).toEqual([true, true, false]);
  expect(throttle.attempt('b')).toBe(true);
  expect(throttle.exhausted('a')).toBe(true);
  expect(throttle.retryAfter('a')).toBe(60);
  now += MINUTE - 1;
  expect(throttle.attempt('a')).toBe(false);
  now += 1;
  expect(throttle.count('a')).toBe(0);
  expect(throttle.attempt('a')).toBe(true);
  throttle.clear('a');
  expect(throttle.count('a')).toBe(0);
});

test('200,000 distinct keys cost O(1) each: expired windows leave from the front, and the map stays bounded', () => {
  let now = 0;
  const throttle = createThrottle(3, MINUTE, () => now, 50_000);
  const started = performance.now();
  for (let i = 0; i < 200_000; i++) {
    if (i % 1_000 === 0) now += 1_000; // 200 s in all: windows keep expiring as keys arrive
    throttle.attempt(`agent-${i}`);
  }
  const elapsed = performance.now() - started;
  // A scan of every key on each call (the old throttle) takes minutes here.
  expect(elapsed).toBeLessThan(2_000);
  // 60 s of keys at 1,000 a second are live; never more than maxKeys.
  expect(throttle.size()).toBeLessThanOrEqual(50_000);
  expect(throttle.count('agent-199999')).toBe(1);
  expect(throttle.count('agent-0')).toBe(0);
});

test('past maxKeys the oldest windows are forgotten first', () => {
  const throttle = createThrottle(1, MINUTE, () => 0, 3);
  for (const key of ['a', 'b', 'c', 'd']) throttle.attempt(key);
  expect(throttle.size()).toBe(3);
  expect(throttle.count('a')).toBe(0);
  expect(throttle.count('d')).toBe(1);
});
