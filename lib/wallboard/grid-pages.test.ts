import { describe, expect, test } from 'vitest';
import { DEFAULT_FILTERS } from '@/lib/board/filters';
import { conference, party } from '@/lib/board/test-helpers/builders';
import { graphLines, paginateGrid, selectGridConferences, tileSpan } from './grid-pages';

const ids = (pages: ReturnType<typeof paginateGrid>) => pages.map((p) => p.map((t) => t.conference.id));

describe('the grid of live conferences', () => {
  test('R1 A1 A2 critical alerts first, then at the cap, then the longest running; only live calls of 3+', () => {
    const list = [
      conference('old', 3, { startedAt: 0 }),
      conference('new', 3, { startedAt: 100 }),
      conference('cap', 6, { startedAt: 200, alerts: ['cap-reached'] }),
      conference('cl', 4, { startedAt: 300, contactLens: true, alerts: ['contact-lens-conflict'] }),
      conference('two', 2, { startedAt: -100 }),
      conference('ended', 4, { startedAt: -200, ended: true }),
    ];
    expect(selectGridConferences(list, { ...DEFAULT_FILTERS, density: 'compact' }).map((c) => c.id)).toEqual([
      'cl',
      'cap',
      'old',
      'new',
    ]);
  });

  test('R2 a tile is one cell up to four lines; five or six parties, or a listening supervisor, take two', () => {
    expect(graphLines(conference('a', 4))).toBe(4);
    expect(tileSpan(conference('a', 4), 3)).toBe(1);
    expect(tileSpan(conference('b', 5), 3)).toBe(2);
    const monitored = conference('c', 3, {}, [party('s:c', 'supervisor')]);
    expect(graphLines(monitored)).toBe(5);
    expect(tileSpan(monitored, 3)).toBe(2);
    expect(tileSpan(monitored, 1)).toBe(1);
    const left = conference('d', 4);
    left.participants[2] = { ...left.participants[2]!, state: 'disconnected' };
    expect(graphLines(left)).toBe(3);
  });

  test('pages fill column by column; a small tile fills the gap a big one left; no place: next page', () => {
    const list = [
      conference('s1', 3),
      conference('b1', 6),
      conference('s2', 3),
      conference('s3', 4),
      conference('s4', 3),
      conference('b2', 5),
    ];
    const pages = paginateGrid(list, { columns: 2, rows: 2 });
    expect(ids(pages)).toEqual([
      ['s1', 'b1', 's2'],
      ['s3', 's4', 'b2'],
    ]);
    expect(pages[0]!.map(({ column, row, span }) => [column, row, span])).toEqual([
      [1, 1, 1],
      [2, 1, 2],
      [1, 2, 1],
    ]);
  });

  test('every conference is on exactly one page, and no page holds more cells than the grid', () => {
    const list = Array.from({ length: 37 }, (_, i) => conference(`c${i}`, 3 + (i % 4)));
    const size = { columns: 4, rows: 3 };
    const pages = paginateGrid(list, size);
    expect(ids(pages).flat()).toEqual(list.map((c) => c.id));
    for (const page of pages) {
      const cells = page.reduce((n, t) => n + t.span, 0);
      expect(cells).toBeLessThanOrEqual(size.columns * size.rows);
      for (const t of page) {
        expect(t.column).toBeLessThanOrEqual(size.columns);
        expect(t.row + t.span - 1).toBeLessThanOrEqual(size.rows);
      }
    }
  });

  test('an empty board is one empty page', () => {
    expect(paginateGrid([], { columns: 3, rows: 2 })).toEqual([[]]);
  });
});
