import { localHourAndWeekday, offsetSegments } from '@/lib/reports/zone-offsets';
import { addDays, localDateOf, localDays, type LocalDay } from '@/lib/reports/zone-time';
import type { WallboardToday } from './today-schema';

/** History is counted per quarter hour (every zone's offset is a whole number of them). */
const QUARTER_MS = 900_000;

/** The two local days a wallboard compares, and where yesterday is cut to match today so far. */
export type TodayWindow = {
  today: LocalDay;
  yesterday: LocalDay;
  /** Yesterday's instant as far into its day as now is into today's (clamped to its end). */
  yesterdayCut: number;
  /** The quarter hour that holds the cut: history before it is counted whole, inside it one by one. */
  yesterdayCutSlot: number;
};

/**
 * Today and yesterday in `timeZone` at `now`. "The same time yesterday" is as long after yesterday's
 * local midnight as now is after today's, which is the same wall-clock time on every day without a
 * daylight-saving change.
 */
export function todayWindow(now: number, timeZone: string): TodayWindow {
  const date = localDateOf(now, timeZone);
  const [yesterday, today] = localDays(addDays(date, -1), date, timeZone) as [LocalDay, LocalDay];
  const yesterdayCut = Math.min(yesterday.start + (now - today.start), yesterday.end);
  return {
    today,
    yesterday,
    yesterdayCut,
    yesterdayCutSlot: Math.floor(yesterdayCut / QUARTER_MS) * QUARTER_MS,
  };
}

export type TodayCounts = {
  /** History: multi-party calls started per quarter hour over both days (`countConferenceStarts`). */
  slots: readonly { at: number; conferences: number }[];
  /** History: multi-party calls started yesterday in `[yesterdayCutSlot, yesterdayCut)`. */
  yesterdayTail: number;
  /** Start times of the multi-party calls not yet in history (live, or ended within their grace). */
  live: readonly number[];
};

/**
 * The wallboard's history figures from what the store and the live board counted: each call by the
 * local hour it started in, today's so far, yesterday's up to the same time and in total.
 */
export function summarizeToday(
  window: TodayWindow,
  counts: TodayCounts,
  now: number,
  timeZone: string,
): WallboardToday {
  const { today, yesterday } = window;
  const segments = offsetSegments(yesterday.start, today.end, timeZone);
  const hourOf = (at: number) => localHourAndWeekday(at, segments).hour;
  const todayHours = new Array<number>(24).fill(0);
  const yesterdayHours = new Array<number>(24).fill(0);
  let soFar = 0;
  let sameTime = counts.yesterdayTail;
  let total = 0;
  const add = (at: number, n: number, live: boolean) => {
    if (at >= today.start && at < today.end) {
      todayHours[hourOf(at)]! += n;
      soFar += n;
    } else if (at >= yesterday.start && at < yesterday.end) {
      yesterdayHours[hourOf(at)]! += n;
      total += n;
      // History inside the cut's quarter hour is in `yesterdayTail`; a live call knows its time.
      if (live ? at < window.yesterdayCut : at < window.yesterdayCutSlot) sameTime += n;
    }
  };
  for (const slot of counts.slots) add(slot.at, slot.conferences, false);
  for (const startedAt of counts.live) add(startedAt, 1, true);
  const currentHour = hourOf(now);
  return {
    timeZone,
    asOf: new Date(now).toISOString(),
    today: {
      date: today.date,
      soFar,
      perHour: todayHours.map((n, hour) => (hour > currentHour ? null : n)),
    },
    yesterday: { date: yesterday.date, sameTime, total, perHour: yesterdayHours },
  };
}
