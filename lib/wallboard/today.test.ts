import { describe, expect, test } from 'vitest';
import { summarizeToday, todayWindow } from './today';
import { WallboardTodaySchema } from './today-schema';

const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

describe('todayWindow', () => {
  test('today and yesterday in the zone, yesterday cut as far into its day as now is into today', () => {
    const now = utc('2026-11-24T09:40:00Z'); // 10:40 in Berlin
    const w = todayWindow(now, 'Europe/Berlin');
    expect(w.today).toMatchObject({ date: '2026-11-24', start: utc('2026-11-23T23:00:00Z') });
    expect(w.yesterday).toMatchObject({ date: '2026-11-23', start: utc('2026-11-22T23:00:00Z') });
    expect(w.yesterdayCut).toBe(utc('2026-11-23T09:40:00Z'));
    expect(w.yesterdayCutSlot).toBe(utc('2026-11-23T09:30:00Z'));
  });

  test('on the day after a 25-hour day the cut stays inside yesterday', () => {
    // 2026-10-25 is 25 hours long in Berlin; at 23:30 on the 26th yesterday's cut is 23:30 elapsed.
    const w = todayWindow(utc('2026-10-26T22:30:00Z'), 'Europe/Berlin');
    expect(w.yesterday.end - w.yesterday.start).toBe(25 * HOUR);
    expect(w.yesterdayCut).toBeLessThan(w.yesterday.end);
  });
});

describe('summarizeToday', () => {
  const now = utc('2026-11-24T09:40:00Z'); // UTC: 09:40
  const w = todayWindow(now, 'UTC');

  test('counts by the local hour of the start; yesterday up to the same time, the cut quarter hour exactly', () => {
    const summary = summarizeToday(
      w,
      {
        slots: [
          { at: utc('2026-11-23T08:00:00Z'), conferences: 3 }, // yesterday, before the cut
          { at: utc('2026-11-23T09:30:00Z'), conferences: 4 }, // the cut's quarter hour: not counted whole
          { at: utc('2026-11-23T17:15:00Z'), conferences: 2 }, // yesterday, after the cut
          { at: utc('2026-11-24T00:00:00Z'), conferences: 1 },
          { at: utc('2026-11-24T09:30:00Z'), conferences: 5 },
        ],
        yesterdayTail: 1, // of the 4 in 09:30–09:45, one started before 09:40
        live: [utc('2026-11-24T09:38:00Z'), utc('2026-11-23T09:39:00Z'), utc('2026-11-23T09:41:00Z')],
      },
      now,
      'UTC',
    );
    expect(WallboardTodaySchema.parse(summary)).toEqual(summary);
    expect(summary.today.soFar).toBe(1 + 5 + 1);
    expect(summary.yesterday.sameTime).toBe(3 + 1 + 1);
    expect(summary.yesterday.total).toBe(3 + 4 + 2 + 2);
    expect(summary.today.perHour.slice(0, 11)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 6, null]);
    expect(summary.today.perHour.filter((n) => n === null)).toHaveLength(14);
    expect(summary.yesterday.perHour[8]).toBe(3);
    expect(summary.yesterday.perHour[9]).toBe(4 + 2);
    expect(summary.yesterday.perHour[17]).toBe(2);
  });

  test('in another zone the hours are local', () => {
    const berlin = todayWindow(now, 'Europe/Berlin');
    const summary = summarizeToday(
      berlin,
      { slots: [{ at: utc('2026-11-23T23:15:00Z'), conferences: 2 }], yesterdayTail: 0, live: [] },
      now,
      'Europe/Berlin',
    );
    expect(summary.today.date).toBe('2026-11-24');
    expect(summary.today.perHour[0]).toBe(2);
    expect(summary.today.perHour[10]).toBe(0);
    expect(summary.today.perHour[11]).toBeNull();
  });
});
