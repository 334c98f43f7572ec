import type { Heatmap } from './report-responses';

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** One cell of the heat map: its count and a shade from 0 (none) to 4 (the busiest quarter). */
export type HeatCell = { hour: number; conferences: number; level: 0 | 1 | 2 | 3 | 4 };
export type HeatRow = { weekday: number; name: string; cells: HeatCell[]; total: number };
export type HeatGrid = { rows: HeatRow[]; max: number; total: number };

/**
 * The heat map as seven rows (Monday first) of 24 hours. A cell's shade is its count against the
 * busiest cell, in four steps; a cell with any conference is never shaded as none.
 */
export function toHeatGrid(heatmap: Heatmap): HeatGrid {
  const counts = new Array<number>(7 * 24).fill(0);
  for (const c of heatmap.cells) counts[c.weekday * 24 + c.hour] = c.conferences;
  const max = Math.max(0, ...counts);
  const levelOf = (n: number): HeatCell['level'] =>
    n === 0 || max === 0 ? 0 : (Math.max(1, Math.ceil((n / max) * 4)) as HeatCell['level']);
  const rows = WEEKDAY_NAMES.map((name, weekday) => {
    const cells = Array.from({ length: 24 }, (_, hour) => {
      const conferences = counts[weekday * 24 + hour]!;
      return { hour, conferences, level: levelOf(conferences) };
    });
    return { weekday, name, cells, total: cells.reduce((sum, c) => sum + c.conferences, 0) };
  });
  return { rows, max, total: rows.reduce((sum, r) => sum + r.total, 0) };
}
