import { describe, expect, test } from 'vitest';
import { countBoard, countLive, describeEmpty, describeShown, isLive } from './counts';
import { DEFAULT_FILTERS, describeHidden, filterConferences, type BoardFilters } from './filters';
import { summarizeBoard } from './summary';
import { conference } from './test-helpers/builders';

const f = (o: Partial<BoardFilters>): BoardFilters => ({ ...DEFAULT_FILTERS, ...o });

/**
 * A scripted board: five live calls (two of them two-party, which the default size filter hides),
 * and two that ended a moment ago and wait out their grace time on the board (E4).
 */
const board = [
  conference('claims', 4, { queue: 'claims' }),
  conference('sales', 2, { queue: 'sales' }),
  conference('support', 3, { queue: 'support' }),
  conference('billing', 2, { queue: 'billing' }),
  conference('mortgage', 6, { queue: 'mortgages' }),
  conference('ended-4', 4, { queue: 'claims', ended: true }),
  conference('ended-2', 2, { queue: 'sales', ended: true }),
];

/** The number the summary strip, the filter line and the empty state each show for "live". */
function liveAsShown(filters: BoardFilters) {
  const shown = filterConferences(board, filters);
  const counts = countBoard(board, shown);
  const line = describeShown(counts);
  return {
    summary: summarizeBoard(board, new Set(shown.map((c) => c.id))).live,
    filterLineOf: Number(/^of (\d+) live shown/.exec(line.rest)?.[1]),
    filterLineShown: Number(line.lead),
    empty: describeEmpty(counts, true),
    counts,
  };
}

describe('one definition of live', () => {
  test('E4 live is what GET /api/conferences lists: active; ended cards in their grace time are not', () => {
    expect(board.filter(isLive).map((c) => c.id)).toEqual([
      'claims',
      'sales',
      'support',
      'billing',
      'mortgage',
    ]);
    expect(countLive(board)).toEqual({ live: 5, justEnded: 2 });
  });

  test('E4 the summary and the filter line agree, and the filter line names the just-ended cards apart', () => {
    const all = liveAsShown(f({ size: 'all' }));
    expect(all.summary).toBe(5);
    expect(all.filterLineOf).toBe(5);
    expect(all.filterLineShown).toBe(5);
    expect(describeShown(all.counts).rest).toBe('of 5 live shown · 2 just ended');

    // "3 or more": the two-party calls are hidden; the four-party call that just ended is still shown.
    const wallboard = liveAsShown(DEFAULT_FILTERS);
    expect(wallboard.summary).toBe(5);
    expect(wallboard.filterLineOf).toBe(5);
    expect(wallboard.filterLineShown).toBe(3);
    expect(describeShown(wallboard.counts).rest).toBe('of 5 live shown · 1 just ended');
    expect(wallboard.counts.hidden).toEqual({ live: 2, justEnded: 1 });
    expect(wallboard.empty).toBeNull();
  });

  test('E4 with everything hidden, the empty state counts the live calls as the summary does', () => {
    const none = liveAsShown(f({ mode: 'three-party' }));
    expect(none.summary).toBe(5);
    expect(none.filterLineOf).toBe(5);
    expect(none.filterLineShown).toBe(0);
    expect(none.empty).toEqual({
      kind: 'filtered',
      text: '5 live conferences are hidden (and 2 just ended):',
    });
    // Each filter says how many live calls it alone hides, by the same definition.
    expect(describeHidden(board, f({ mode: 'three-party' }))).toEqual([
      { key: 'size', label: 'Size: 3 or more', hidden: 2 },
      { key: 'mode', label: 'Mode: Three-party', hidden: 5 },
    ]);
  });

  test('E4 the empty state tells loading, a quiet centre and a centre where only ended cards are hidden', () => {
    expect(describeEmpty(countBoard([], []), false)?.kind).toBe('loading');
    expect(describeEmpty(countBoard([], []), true)).toEqual({
      kind: 'quiet',
      text: 'No live conferences right now.',
    });
    const ended = [conference('gone', 2, { ended: true })];
    expect(describeEmpty(countBoard(ended, []), true)).toEqual({
      kind: 'filtered',
      text: 'No live conferences right now; the filters hide 1 just ended.',
    });
    const one = [conference('one', 2)];
    expect(describeEmpty(countBoard(one, []), true)?.text).toBe('1 live conference is hidden:');
  });
});
