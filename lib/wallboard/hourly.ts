import type { WallboardToday } from './today-schema';

/** One hour of the day on the chart: today's count (null for hours still to come) and yesterday's. */
export type HourRow = { hour: string; today: number | null; yesterday: number };

/** Today and yesterday by local hour, `00` to `23`, shaped for the chart. */
export function hourlyRows(today: WallboardToday): HourRow[] {
  return today.yesterday.perHour.map((yesterday, hour) => ({
    hour: String(hour).padStart(2, '0'),
    today: today.today.perHour[hour] ?? null,
    yesterday,
  }));
}

/** The chart's figures in words, for a screen reader and for the eye under the chart. */
export function describeHourly(today: WallboardToday): string {
  const hour = today.today.perHour.findLastIndex((n) => n !== null);
  const now = hour < 0 ? 0 : (today.today.perHour[hour] ?? 0);
  return `${today.today.soFar} multi-party calls so far today (${now} this hour), ${today.yesterday.sameTime} by this time yesterday, ${today.yesterday.total} all day yesterday`;
}
