import { describe, expect, test } from 'vitest';
import { estimateServerNow, formatAge, formatClock, formatDuration } from './time';

describe('time on the board', () => {
  test('durations run on the sidecar clock: server time plus what elapsed since the message', () => {
    const clock = { serverTime: '2026-11-23T10:00:00.000Z', receivedAt: 5_000 };
    expect(estimateServerNow(clock, 8_500)).toBe(Date.parse('2026-11-23T10:00:03.500Z'));
  });

  test('a running length reads m:ss below an hour and h:mm:ss above, never negative', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_999)).toBe('1:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-4_000)).toBe('0:00');
  });

  test('clock times are 24-hour, in the browser zone', () => {
    const t = new Date(2026, 10, 23, 9, 5, 7).getTime();
    expect(formatClock(t)).toBe('09:05');
    expect(formatClock(new Date(t).toISOString(), true)).toBe('09:05:07');
  });

  test('ages are short words', () => {
    expect(formatAge(45_000)).toBe('45 s');
    expect(formatAge(180_000)).toBe('3 min');
    expect(formatAge(3_600_000)).toBe('1 h');
    expect(formatAge(4_320_000)).toBe('1 h 12 min');
  });
});
