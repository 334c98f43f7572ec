import { offsetAt } from './zone-time';

const QUARTER_MS = 900_000;
const DAY_MS = 86_400_000;

/** From `from` on (until the next segment), local time is UTC plus `offset`. */
export type OffsetSegment = { from: number; offset: number };

/**
 * The zone's offsets over `[start, end)`, found by reading the offset once a day and bisecting
 * (to the quarter hour) each day on which it changed: a few hundred Intl reads for a year rather
 * than one per quarter hour. Assumes at most one change a day, true of every zone in use.
 */
export function offsetSegments(start: number, end: number, timeZone: string): OffsetSegment[] {
  const floor = Math.floor(start / QUARTER_MS) * QUARTER_MS;
  const segments: OffsetSegment[] = [{ from: floor, offset: offsetAt(floor, timeZone) }];
  for (let at = floor; at < end; at += DAY_MS) {
    const next = Math.min(at + DAY_MS, Math.ceil(end / QUARTER_MS) * QUARTER_MS);
    const current = segments[segments.length - 1]!.offset;
    const later = offsetAt(next, timeZone);
    if (later === current) continue;
    let lo = at;
    let hi = next;
    while (hi - lo > QUARTER_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / QUARTER_MS) * QUARTER_MS;
      if (offsetAt(mid, timeZone) === current) lo = mid;
      else hi = mid;
    }
    segments.push({ from: hi, offset: later });
  }
  return segments;
}

/** Local hour (0–23) and weekday (0 Monday) of instant `ms` under the given segments. */
export function localHourAndWeekday(
  ms: number,
  segments: readonly OffsetSegment[],
): { hour: number; weekday: number } {
  let offset = segments[0]?.offset ?? 0;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.from <= ms) {
      offset = segments[mid]!.offset;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const local = new Date(ms + offset);
  // getUTCDay: 0 is Sunday; reports start the week on Monday.
  return { hour: local.getUTCHours(), weekday: (local.getUTCDay() + 6) % 7 };
}
