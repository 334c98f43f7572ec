import { ConferenceModeSchema, type ConferenceMode } from '@/lib/conference';
import { addDays } from './zone-time';

/**
 * What the /reports page shows, as its URL says: the range and zone, the queue, agent and mode
 * filters, and the day (and peak size) drilled into. Anything left out is the server's default.
 */
export type ReportSelection = {
  from?: string;
  to?: string;
  tz?: string;
  queue?: string;
  agent?: string;
  mode?: ConferenceMode;
  day?: string;
  size?: DrillSize;
};

export type DrillSize = 3 | 4 | 5 | 6;

/** The order the keys take in a URL, so one selection has one spelling. */
const KEYS = ['from', 'to', 'tz', 'queue', 'agent', 'mode', 'day', 'size'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The selection a URL's query names. A value of the wrong form is dropped here (the page then
 * shows the default); one of the right form the server refuses (an unknown zone, a reversed range)
 * is kept, so the page can say what is wrong with it.
 */
export function parseReportSelection(params: URLSearchParams): ReportSelection {
  const get = (key: string) => {
    const value = params.get(key)?.trim();
    return value ? value.slice(0, 512) : undefined;
  };
  const selection: ReportSelection = {};
  for (const key of ['from', 'to', 'day'] as const) {
    const value = get(key);
    if (value && DATE.test(value)) selection[key] = value;
  }
  for (const key of ['tz', 'queue', 'agent'] as const) {
    const value = get(key);
    if (value) selection[key] = value;
  }
  const mode = ConferenceModeSchema.safeParse(get('mode'));
  if (mode.success) selection.mode = mode.data;
  const size = Number(get('size'));
  if (size === 3 || size === 4 || size === 5 || size === 6) selection.size = size;
  return selection;
}

function toQuery(selection: ReportSelection, keys: readonly (keyof ReportSelection)[]): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = selection[key];
    if (keys.includes(key) && value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** The page's own query string (no leading `?`). */
export function toSelectionQuery(selection: ReportSelection): string {
  return toQuery(selection, KEYS);
}

/** The query of the daily report, its CSV and the heat map: range, zone and filters. */
export function reportQuery(selection: ReportSelection): string {
  return toQuery(selection, ['from', 'to', 'tz', 'queue', 'agent', 'mode']);
}

/** The query of a top list: the report's, with `by` and `limit`. */
export function topQuery(selection: ReportSelection, by: 'agents' | 'queues', limit: number): string {
  const query = reportQuery(selection);
  return `${query}${query ? '&' : ''}by=${by}&limit=${limit}`;
}

/** The query of the drill-down's pages: the day (as `date`), its size, the filters and the cursor. */
export function drillQuery(selection: ReportSelection & { day: string }, cursor?: string): string {
  const params = new URLSearchParams({ date: selection.day });
  for (const key of ['tz', 'size', 'queue', 'agent', 'mode'] as const) {
    const value = selection[key];
    if (value !== undefined) params.set(key, String(value));
  }
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** The last `days` days up to `today`, both counted. */
export function lastDays(today: string, days: number): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

/**
 * A change of the selection: a new range, zone or filter closes the drill-down (its day may be
 * outside the new range, and its list would no longer match the charts); a new day clears the size.
 */
export function changeSelection(current: ReportSelection, change: Partial<ReportSelection>): ReportSelection {
  const next: ReportSelection = { ...current, ...change };
  const filtersChanged = (['from', 'to', 'tz', 'queue', 'agent', 'mode'] as const).some(
    (key) => key in change && change[key] !== current[key],
  );
  if (filtersChanged && !('day' in change)) {
    delete next.day;
    delete next.size;
  }
  if ('day' in change && change.day !== current.day && !('size' in change)) delete next.size;
  for (const key of KEYS) if (next[key] === undefined || next[key] === '') delete next[key];
  return next;
}
