import type { ConferenceSummary } from '@/lib/realtime';
import { isLive } from './counts';

export const SUMMARY_SIZES = [2, 3, 4, 5, 6] as const;
export type SummarySize = (typeof SUMMARY_SIZES)[number];

/** The conferences behind a tile that the current filters keep off the board (ids). */
export type HiddenBehind = {
  atCap: string[];
  clConflicts: string[];
  /** The conference of the longest customer hold, when the filters hide it. */
  longestHold: string | null;
};

export type BoardSummary = {
  /** Live conferences by the one definition (`isLive`): ended ones in their grace time are not. */
  live: number;
  /** Counted parties on them: no supervisors, no CCP-only parties (R2, M8). */
  parties: number;
  bySize: Record<SummarySize, number>;
  /** Conferences with exactly as many parties as their cap (A1). */
  atCap: number;
  /** Conferences with a standing Contact Lens conflict (A2). */
  clConflicts: number;
  /** When the longest current customer hold began; null while no customer is held. */
  longestHoldSince: string | null;
  /** What of the above the filters hide: each tile says so, and can bring those calls back. */
  hidden: HiddenBehind;
};

/**
 * The summary strip's numbers over the whole live board, whatever the filters hide; `shown` (the
 * ids of the cards on screen) tells which of the conferences behind a tile are hidden.
 */
export function summarizeBoard(
  list: readonly ConferenceSummary[],
  shown?: ReadonlySet<string>,
): BoardSummary {
  const summary: BoardSummary = {
    live: 0,
    parties: 0,
    bySize: { 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 },
    atCap: 0,
    clConflicts: 0,
    longestHoldSince: null,
    hidden: { atCap: [], clConflicts: [], longestHold: null },
  };
  const hidden = (c: ConferenceSummary) => shown !== undefined && !shown.has(c.id);
  let longestHoldOn: ConferenceSummary | null = null;
  for (const c of list) {
    if (!isLive(c)) continue;
    summary.live += 1;
    summary.parties += c.activeParticipants;
    const size = c.activeParticipants as SummarySize;
    if (size in summary.bySize) summary.bySize[size] += 1;
    if (c.activeParticipants === c.cap) {
      summary.atCap += 1;
      if (hidden(c)) summary.hidden.atCap.push(c.id);
    }
    if (c.alerts.some((a) => a.kind === 'contact-lens-conflict')) {
      summary.clConflicts += 1;
      if (hidden(c)) summary.hidden.clConflicts.push(c.id);
    }
    for (const p of c.participants) {
      if (p.role !== 'customer' || p.state !== 'hold' || p.holdSince === null) continue;
      if (summary.longestHoldSince === null || p.holdSince < summary.longestHoldSince) {
        summary.longestHoldSince = p.holdSince;
        longestHoldOn = c;
      }
    }
  }
  if (longestHoldOn && hidden(longestHoldOn)) summary.hidden.longestHold = longestHoldOn.id;
  return summary;
}

export type SizeBar = { size: string; count: number };

/** The by-size counts shaped for the summary chart. */
export function sizeBars(summary: BoardSummary): SizeBar[] {
  return SUMMARY_SIZES.map((size) => ({ size: String(size), count: summary.bySize[size] }));
}
