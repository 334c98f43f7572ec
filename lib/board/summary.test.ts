import { describe, expect, test } from 'vitest';
import { sizeBars, summarizeBoard } from './summary';
import { at, conference, party } from './test-helpers/builders';

describe('summary strip', () => {
  test('counts live conferences, their parties and conferences by size', () => {
    const board = [conference('a', 2), conference('b', 3), conference('c', 3), conference('d', 6)];
    const s = summarizeBoard(board);
    expect(s.live).toBe(4);
    expect(s.parties).toBe(14);
    expect(s.bySize).toEqual({ 2: 1, 3: 2, 4: 0, 5: 0, 6: 1 });
    expect(sizeBars(s)).toEqual([
      { size: '2', count: 1 },
      { size: '3', count: 2 },
      { size: '4', count: 0 },
      { size: '5', count: 0 },
      { size: '6', count: 1 },
    ]);
  });

  test('E4 ended conferences in their grace time are not live', () => {
    expect(summarizeBoard([conference('e', 4, { ended: true })]).live).toBe(0);
  });

  test('R1 A1 at cap counts calls with exactly their cap; A2 counts Contact Lens conflicts', () => {
    const board = [
      conference('six', 6, { alerts: ['cap-reached'] }),
      conference('three', 3, { mode: 'three-party', alerts: ['cap-reached'] }),
      conference('cl', 4, { contactLens: true, alerts: ['contact-lens-conflict'] }),
    ];
    const s = summarizeBoard(board);
    expect(s.atCap).toBe(2);
    expect(s.clConflicts).toBe(1);
  });

  test('A3 the longest current customer hold is the earliest hold start among held customers', () => {
    const held = (id: string, since: number) => {
      const c = conference(id, 3);
      c.participants[0] = party(`c:${id}`, 'customer', { state: 'hold', holdSince: at(since) });
      return c;
    };
    expect(summarizeBoard([held('a', 50), held('b', 20), conference('c', 3)]).longestHoldSince).toBe(at(20));
    expect(summarizeBoard([conference('c', 3)]).longestHoldSince).toBeNull();
  });

  test('A1 A2 A3 tiles name the calls behind them that the filters hide', () => {
    const held = conference('held', 2);
    held.participants[0] = party('c:held', 'customer', { state: 'hold', holdSince: at(5) });
    const board = [
      held,
      conference('six', 6, { alerts: ['cap-reached'] }),
      conference('six-b', 6, { alerts: ['cap-reached', 'contact-lens-conflict'], contactLens: true }),
      conference('cl', 4, { contactLens: true, alerts: ['contact-lens-conflict'] }),
    ];
    const everything = summarizeBoard(board, new Set(board.map((c) => c.id)));
    expect(everything.hidden).toEqual({ atCap: [], clConflicts: [], longestHold: null });
    const some = summarizeBoard(board, new Set(['six', 'cl']));
    expect(some.atCap).toBe(2);
    expect(some.hidden).toEqual({ atCap: ['six-b'], clConflicts: ['six-b'], longestHold: 'held' });
    // Without the shown set, nothing counts as hidden.
    expect(summarizeBoard(board).hidden.longestHold).toBeNull();
  });
});
