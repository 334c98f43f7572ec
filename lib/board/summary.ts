import type { ConferenceSummary } from '@/lib/realtime';

export const SUMMARY_SIZES = [2, 3, 4, 5, 6] as const;
export type SummarySize = (typeof SUMMARY_SIZES)[number];

export type BoardSummary = {
  /** Active conferences (ended ones still in their grace time are not live). */
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
};

/** The summary strip's numbers over the whole live board, whatever the filters hide. */
export function summarizeBoard(list: readonly ConferenceSummary[]): BoardSummary {
  const summary: BoardSummary = {
    live: 0,
    parties: 0,
    bySize: { 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 },
    atCap: 0,
    clConflicts: 0,
    longestHoldSince: null,
  };
  for (const c of list) {
    if (c.state !== 'active') continue;
    summary.live += 1;
    summary.parties += c.activeParticipants;
    const size = c.activeParticipants as SummarySize;
    if (size in summary.bySize) summary.bySize[size] += 1;
    if (c.activeParticipants === c.cap) summary.atCap += 1;
    if (c.alerts.some((a) => a.kind === 'contact-lens-conflict')) summary.clConflicts += 1;
    for (const p of c.participants) {
      if (p.role !== 'customer' || p.state !== 'hold' || p.holdSince === null) continue;
      if (summary.longestHoldSince === null || p.holdSince < summary.longestHoldSince)
        summary.longestHoldSince = p.holdSince;
    }
  }
  return summary;
}

export type SizeBar = { size: string; count: number };

/** The by-size counts shaped for the summary chart. */
export function sizeBars(summary: BoardSummary): SizeBar[] {
  return SUMMARY_SIZES.map((size) => ({ size: String(size), count: summary.bySize[size] }));
}
