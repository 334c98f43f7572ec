import { describe, expect, test } from 'vitest';
import { localHourAndWeekday, offsetSegments } from './zone-offsets';
import { addDays, daysInRange, isTimeZone, localDateOf, localDays, startOfLocalDay } from './zone-time';

const H = 3_600_000;

describe('local days in a time zone', () => {
  test('Europe/Berlin: the spring change gives a 23-hour day, the autumn change a 25-hour day', () => {
    const [spring] = localDays('2026-03-29', '2026-03-29', 'Europe/Berlin');
    expect(spring).toEqual({
      date: '2026-03-29',
      start: Date.parse('2026-03-28T23:00:00Z'),
      end: Date.parse('2026-03-29T22:00:00Z'),
    });
    expect(spring!.end - spring!.start).toBe(23 * H);
    const [autumn] = localDays('2026-10-25', '2026-10-25', 'Europe/Berlin');
    expect(autumn!.start).toBe(Date.parse('2026-10-24T22:00:00Z'));
    expect(autumn!.end - autumn!.start).toBe(25 * H);
  });

  test('America/New_York: 8 March 2026 has 23 hours, 1 November 2026 has 25', () => {
    const days = localDays('2026-03-07', '2026-03-09', 'America/New_York');
    expect(days.map((d) => (d.end - d.start) / H)).toEqual([24, 23, 24]);
    expect(days[1]!.start).toBe(Date.parse('2026-03-08T05:00:00Z'));
    const [fall] = localDays('2026-11-01', '2026-11-01', 'America/New_York');
    expect(fall!.start).toBe(Date.parse('2026-11-01T04:00:00Z'));
    expect((fall!.end - fall!.start) / H).toBe(25);
  });

  test('consecutive days meet exactly, a zone that skips midnight starts its day at 01:00', () => {
    const days = localDays('2026-01-01', '2026-12-31', 'Europe/Berlin');
    expect(days).toHaveLength(365);
    for (let i = 1; i < days.length; i++) expect(days[i]!.start).toBe(days[i - 1]!.end);
    // America/Santiago moves its clocks from 00:00 to 01:00 on the first Sunday of September.
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(localDateOf(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDateOf(start - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  test('zones with half- and quarter-hour offsets, dates and ranges', () => {
    expect(startOfLocalDay('2026-06-01', 'Asia/Kolkata')).toBe(Date.parse('2026-05-31T18:30:00Z'));
    expect(startOfLocalDay('2026-06-01', 'Asia/Kathmandu')).toBe(Date.parse('2026-05-31T18:15:00Z'));
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(daysInRange('2026-01-01', '2026-12-31')).toBe(365);
  });

  test('hour of day and weekday follow the offset change within the day', () => {
    const from = Date.parse('2026-03-28T00:00:00Z');
    const segments = offsetSegments(from, from + 3 * 24 * H, 'Europe/Berlin');
    expect(segments.map((s) => [new Date(s.from).toISOString(), s.offset / H])).toEqual([
      ['2026-03-28T00:00:00.000Z', 1],
      ['2026-03-29T01:00:00.000Z', 2],
    ]);
    // 00:30 UTC on Sunday 29 March is 01:30 CET; 01:30 UTC is 03:30 CEST.
    expect(localHourAndWeekday(Date.parse('2026-03-29T00:30:00Z'), segments)).toEqual({
      hour: 1,
      weekday: 6,
    });
    expect(localHourAndWeekday(Date.parse('2026-03-29T01:30:00Z'), segments)).toEqual({
      hour: 3,
      weekday: 6,
    });
    expect(localHourAndWeekday(Date.parse('2026-03-30T07:00:00Z'), segments)).toEqual({
      hour: 9,
      weekday: 0,
    });
  });
});
