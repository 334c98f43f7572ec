import type { ConferenceSummary } from '@/lib/realtime';

/**
 * The one definition of "live" on every screen (board, filter line, empty state, later the
 * wallboard's KPIs): a conference the sidecar still has as active, which is exactly what
 * `GET /api/conferences` lists without `include=ended`. A conference that has ended stays on the
 * board for its grace time (E4), marked ended: it is shown, but counted apart as "just ended".
 */
export function isLive(c: Pick<ConferenceSummary, 'state'>): boolean {
  return c.state === 'active';
}

/** Cards on the board, split by the one definition: live, and ended within their grace time. */
export type LiveCount = { live: number; justEnded: number };

export function countLive(list: readonly Pick<ConferenceSummary, 'state'>[]): LiveCount {
  let live = 0;
  for (const c of list) if (isLive(c)) live += 1;
  return { live, justEnded: list.length - live };
}

/** Every card on the board, the ones the filters show, and the ones they hide. */
export type BoardCounts = { all: LiveCount; shown: LiveCount; hidden: LiveCount };

/** `shown` must be a subset of `all` (what `filterConferences` returns for it). */
export function countBoard(
  all: readonly Pick<ConferenceSummary, 'state'>[],
  shown: readonly Pick<ConferenceSummary, 'state'>[],
): BoardCounts {
  const a = countLive(all);
  const s = countLive(shown);
  return { all: a, shown: s, hidden: { live: a.live - s.live, justEnded: a.justEnded - s.justEnded } };
}

const conferences = (n: number) => (n === 1 ? 'conference' : 'conferences');

/**
 * The filter line: how many live conferences the filters show of how many there are, and the just
 * ended cards apart, e.g. `28` + `of 30 live shown · 2 just ended`. `lead` is the figure set large.
 */
export function describeShown(counts: BoardCounts): { lead: string; rest: string } {
  const ended = counts.shown.justEnded > 0 ? ` · ${counts.shown.justEnded} just ended` : '';
  return { lead: String(counts.shown.live), rest: `of ${counts.all.live} live shown${ended}` };
}

/** What the board says when no card is shown (and `null` while something is). */
export type EmptyState =
  { kind: 'loading'; text: string } | { kind: 'quiet'; text: string } | { kind: 'filtered'; text: string };

export function describeEmpty(counts: BoardCounts, loaded: boolean): EmptyState | null {
  if (!loaded) return { kind: 'loading', text: 'Waiting for the first picture of the contact centre…' };
  if (counts.shown.live + counts.shown.justEnded > 0) return null;
  const { live, justEnded } = counts.hidden;
  if (live + justEnded === 0) return { kind: 'quiet', text: 'No live conferences right now.' };
  const ended = justEnded > 0 ? ` (and ${justEnded} just ended)` : '';
  if (live === 0)
    return {
      kind: 'filtered',
      text: `No live conferences right now; the filters hide ${justEnded} just ended.`,
    };
  return {
    kind: 'filtered',
    text: `${live} live ${conferences(live)} ${live === 1 ? 'is' : 'are'} hidden${ended}:`,
  };
}
