import { DEFAULT_FILTERS, filterConferences } from '@/lib/board/filters';
import { summarizeBoard } from '@/lib/board/summary';
import { formatDuration } from '@/lib/board/time';
import type { ConferenceSummary } from '@/lib/realtime';
import type { KpiName } from './thresholds';
import type { WallboardToday } from './today-schema';
import type { CallFilters } from './wallboard-params';

/**
 * The calls a screen is about: those of its queues (any of them, by name or ARN, as the board's
 * queue filter matches), its agent and its mode. With none set, every call the sidecar sent, which
 * is every call in the credential's scope.
 */
export function filterCalls(list: readonly ConferenceSummary[], calls: CallFilters): ConferenceSummary[] {
  const narrowed =
    calls.agent || calls.mode
      ? filterConferences(list, { ...DEFAULT_FILTERS, size: 'all', agent: calls.agent, mode: calls.mode })
      : [...list];
  if (calls.queues.length === 0) return narrowed;
  const wanted = new Set(calls.queues);
  return narrowed.filter(
    (c) =>
      c.queue !== null && (wanted.has(c.queue.arn) || (c.queue.name !== null && wanted.has(c.queue.name))),
  );
}

/** One figure: its name (the markup's `data-kpi`), the number thresholds judge, and what is shown. */
export type Kpi = {
  name: KpiName;
  label: string;
  /** null while the figure is not known (history not loaded yet) or there is none (no one on hold). */
  value: number | null;
  /** The figure as shown, e.g. `12`, `4:05`, `37 vs 29`. */
  text: string;
  /** A line under the figure that says what it is measured against, when it needs one. */
  note?: string;
};

/**
 * The wallboard's figures over the live board, by the board's one definition of live and the same
 * summary as the board's strip (`summarizeBoard`), so both screens always agree; and today's
 * multi-party calls against the same time yesterday from the sidecar's history.
 */
export function computeKpis(
  list: readonly ConferenceSummary[],
  today: WallboardToday | undefined,
  now: number,
): Kpi[] {
  const s = summarizeBoard(list);
  const holdMs =
    s.longestHoldSince === null || now === 0 ? null : Math.max(0, now - Date.parse(s.longestHoldSince));
  const count = (name: KpiName, label: string, value: number): Kpi => ({
    name,
    label,
    value,
    text: String(value),
  });
  return [
    count('live-conferences', 'Live conferences', s.live),
    count('parties', 'Parties on them', s.parties),
    count('at-cap', 'At cap', s.atCap),
    count('contact-lens-conflicts', 'Contact Lens conflicts', s.clConflicts),
    {
      name: 'longest-hold',
      label: 'Longest customer hold',
      value: holdMs === null ? null : Math.floor(holdMs / 1000),
      text: holdMs === null ? 'none' : formatDuration(holdMs),
    },
    {
      name: 'today-vs-yesterday',
      label: 'Multi-party calls today',
      value: today ? today.today.soFar : null,
      text: today ? `${today.today.soFar} vs ${today.yesterday.sameTime}` : '…',
      note: 'so far, against yesterday at this time',
    },
    count('size-3', '3 parties', s.bySize[3]),
    count('size-4', '4 parties', s.bySize[4]),
    count('size-5', '5 parties', s.bySize[5]),
    count('size-6', '6 parties', s.bySize[6]),
  ];
}
