import { isLive } from '@/lib/board/counts';
import { filterConferences, type BoardFilters } from '@/lib/board/filters';
import { sortConferences } from '@/lib/board/sort';
import type { ConferenceSummary } from '@/lib/realtime';

/** Party lines a one-cell tile holds under its heading; a tile with more takes two cells. */
export const LINES_PER_CELL = 4;

/** The grid's cells on this screen. */
export type GridSize = { columns: number; rows: number };

/** A tile in the grid: its column and row (from 1, as CSS grid counts) and how many rows it spans. */
export type Placement = { conference: ConferenceSummary; column: number; row: number; span: number };

/**
 * The grid's conferences: live ones the grid's filters keep, most important first (critical alerts,
 * then at the cap, then the longest running: the board's order).
 */
export function selectGridConferences(
  list: readonly ConferenceSummary[],
  filters: BoardFilters,
): ConferenceSummary[] {
  return sortConferences(filterConferences(list.filter(isLive), filters));
}

/** The lines a conference's compact graph draws: the customer, each party on the call, and supervisors apart. */
export function graphLines(c: ConferenceSummary): number {
  let parties = 0;
  let supervisors = 0;
  for (const p of c.participants) {
    if (p.role === 'customer' || p.state === 'disconnected') continue;
    if (p.role === 'supervisor') supervisors += 1;
    else parties += 1;
  }
  return 1 + parties + (supervisors > 0 ? supervisors + 1 : 0);
}

/** Cells a tile takes: one, or two rows for a big call (five or six parties, or supervisors listening). */
export function tileSpan(c: ConferenceSummary, rows: number): number {
  return Math.min(rows, graphLines(c) > LINES_PER_CELL ? 2 : 1);
}

/**
 * The conferences in pages, in order: each tile takes the first free place on the page, column by
 * column, where its rows fit (so a small tile may fill a gap a big one left above it), and a tile
 * with no place left starts the next page. Every tile is placed explicitly, so the page shows
 * exactly what was computed.
 */
export function paginateGrid(list: readonly ConferenceSummary[], size: GridSize): Placement[][] {
  const columns = Math.max(1, size.columns);
  const rows = Math.max(1, size.rows);
  const pages: Placement[][] = [];
  let page: Placement[] = [];
  let taken = new Set<string>();
  const free = (column: number, row: number, span: number) => {
    for (let r = row; r < row + span; r++) if (taken.has(`${column}:${r}`)) return false;
    return true;
  };
  const place = (span: number) => {
    for (let column = 1; column <= columns; column++)
      for (let row = 1; row + span - 1 <= rows; row++) if (free(column, row, span)) return { column, row };
    return null;
  };
  for (const conference of list) {
    const span = tileSpan(conference, rows);
    let spot = place(span);
    if (!spot) {
      pages.push(page);
      page = [];
      taken = new Set();
      spot = { column: 1, row: 1 };
    }
    for (let r = spot.row; r < spot.row + span; r++) taken.add(`${spot.column}:${r}`);
    page.push({ conference, ...spot, span });
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
