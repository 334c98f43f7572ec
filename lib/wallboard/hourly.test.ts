import { describe, expect, test } from 'vitest';
import { describeHourly, hourlyRows } from './hourly';
import type { WallboardToday } from './today-schema';

const today: WallboardToday = {
  timeZone: 'UTC',
  asOf: '2026-11-24T09:40:00.000Z',
  today: {
    date: '2026-11-24',
    soFar: 7,
    perHour: [1, 0, 0, 0, 0, 0, 0, 0, 0, 6, ...new Array(14).fill(null)],
  },
  yesterday: {
    date: '2026-11-23',
    sameTime: 5,
    total: 11,
    perHour: [0, 0, 0, 0, 0, 0, 0, 0, 3, 6, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0],
  },
};

describe('hourly chart', () => {
  test('24 rows, 00 to 23, today null for the hours still to come', () => {
    const rows = hourlyRows(today);
    expect(rows).toHaveLength(24);
    expect(rows[0]).toEqual({ hour: '00', today: 1, yesterday: 0 });
    expect(rows[9]).toEqual({ hour: '09', today: 6, yesterday: 6 });
    expect(rows[10]).toEqual({ hour: '10', today: null, yesterday: 0 });
    expect(rows[23]!.hour).toBe('23');
  });

  test('says the same figures in words', () => {
    expect(describeHourly(today)).toBe(
      '7 multi-party calls so far today (6 this hour), 5 by this time yesterday, 11 all day yesterday',
    );
  });
});
