/**
 * Local calendar days and hours in an IANA time zone, with nothing but Intl: offsets are read from
 * the platform's zone data, and every offset in use today is a multiple of 15 minutes.
 */

export type LocalDay = { date: string; start: number; end: number };

const DAY_MS = 86_400_000;
const QUARTER_MS = 900_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the platform knows `timeZone` as an IANA zone (or `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** The local wall-clock reading of instant `ms`; `weekday` 0 is Monday. */
export function localParts(ms: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

/** Local time minus UTC at instant `ms`, in milliseconds. */
export function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local date (`YYYY-MM-DD`) of instant `ms`. */
export function localDateOf(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first instant of local date `date`: local midnight, or where a zone skips midnight (a
 * daylight-saving change at 00:00), the first instant that exists on that date.
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let at = wall - offsetAt(wall, timeZone);
  at = wall - offsetAt(at, timeZone);
  // Step back while the quarter hour before is still the same date (an offset read on the wrong
  // side of a change), then forward while this instant is still the day before (a skipped midnight).
  while (localDateOf(at - QUARTER_MS, timeZone) === date) at -= QUARTER_MS;
  while (localDateOf(at, timeZone) < date) at += QUARTER_MS;
  return at;
}

/**
 * Every local day from `from` to `to` inclusive, each as its half-open UTC range. The next day
 * starts 24 hours later whenever that instant reads as local midnight (one zone read a day);
 * otherwise (a daylight-saving day) it is looked for.
 */
export function localDays(from: string, to: string, timeZone: string): LocalDay[] {
  const days: LocalDay[] = [];
  let start = startOfLocalDay(from, timeZone);
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const guess = localParts(start + DAY_MS, timeZone);
    const midnight = guess.hour === 0 && guess.minute === 0 && guess.second === 0;
    const end = midnight ? start + DAY_MS : startOfLocalDay(addDays(date, 1), timeZone);
    days.push({ date, start, end });
    start = end;
  }
  return days;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`), counting both. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}
