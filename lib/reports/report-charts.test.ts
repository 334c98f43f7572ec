import { describe, expect, test } from 'vitest';
import { buildDailyReport, ZERO_SUMS, type DaySums } from './daily-report';
import { toChartPoints, toDailyCharts, toTopChart } from './report-charts';
import { toHeatGrid } from './heatmap-grid';

const sums = (s: Partial<DaySums>): DaySums => ({ ...ZERO_SUMS, ...s });
const report = buildDailyReport(
  ['2026-03-28', '2026-03-29', '2026-03-30'],
  new Map([
    [
      '2026-03-28',
      sums({
        calls: 10,
        conferences: 4,
        size3: 2,
        size4: 1,
        size6: 1,
        conferenceMs: 90_000,
        capHits: 1,
        contactLensConflicts: 2,
        contactLensConflictMs: 30_000,
        consultHoldMs: 50_000,
        consultHoldEpisodes: 2,
        consultHoldLongestMs: 40_000,
        externalPartiesAdded: 3,
      }),
    ],
    ['2026-03-30', sums({ calls: 5, conferences: 1, size5: 1, conferenceMs: 60_000 })],
  ]),
);

describe('the daily charts: one row a day and the total, the numbers of the report', () => {
  const charts = Object.fromEntries(toDailyCharts(report).map((c) => [c.id, c]));

  test('every chart the page shows, in its order', () => {
    expect(Object.keys(charts)).toEqual([
      'by-size',
      'multi-party-share',
      'conference-minutes',
      'cap-hits',
      'contact-lens',
      'consult-hold',
      'external-parties',
    ]);
    for (const chart of Object.values(charts)) {
      expect(chart.rows.map((r) => r.key)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
      expect(chart.total?.key).toBe('total');
      for (const row of [...chart.rows, chart.total!])
        expect(Object.keys(row.values)).toEqual(chart.columns.map((c) => c.key));
    }
  });

  test('each column is the report figure it names, zero days included', () => {
    expect(charts['by-size']!.rows.map((r) => r.values)).toEqual([
      { size3: 2, size4: 1, size5: 0, size6: 1, conferences: 4 },
      { size3: 0, size4: 0, size5: 0, size6: 0, conferences: 0 },
      { size3: 0, size4: 0, size5: 1, size6: 0, conferences: 1 },
    ]);
    expect(charts['multi-party-share']!.total!.values).toEqual({ share: 0.3333, conferences: 5, calls: 15 });
    expect(charts['conference-minutes']!.rows[0]!.values).toEqual({ minutes: 1.5 });
    expect(charts['cap-hits']!.total!.values).toEqual({ capHits: 1 });
    expect(charts['contact-lens']!.rows[0]!.values).toEqual({ conflicts: 2, minutes: 0.5 });
    expect(charts['consult-hold']!.rows[0]!.values).toEqual({ average: 25, longest: 40 });
    expect(charts['external-parties']!.total!.values).toEqual({ external: 3 });
  });

  test('chart points are the rows, flat; a day without calls is a gap, its table row 0', () => {
    const points = toChartPoints(charts['multi-party-share']!);
    expect(points[0]).toEqual({
      key: '2026-03-28',
      label: '2026-03-28',
      share: 0.4,
      conferences: 4,
      calls: 10,
    });
    expect(points[1]).toEqual({
      key: '2026-03-29',
      label: '2026-03-29',
      share: null,
      conferences: null,
      calls: null,
    });
    expect(charts['multi-party-share']!.rows[1]!.values).toEqual({ share: 0, conferences: 0, calls: 0 });
  });
});

test('top lists: agents or queues by name (their ARN when unnamed), most conferences first', () => {
  const chart = toTopChart({
    by: 'queues',
    from: '2026-03-28',
    to: '2026-03-30',
    tz: 'UTC',
    entries: [
      { key: 'arn:q/1', name: 'Billing', conferences: 4, partiesAdded: 6 },
      { key: 'arn:q/2', name: null, conferences: 1, partiesAdded: 1 },
    ],
  });
  expect(chart.id).toBe('top-queues');
  expect(chart.rows).toEqual([
    { key: 'arn:q/1', label: 'Billing', values: { conferences: 4, partiesAdded: 6 } },
    { key: 'arn:q/2', label: 'arn:q/2', values: { conferences: 1, partiesAdded: 1 } },
  ]);
  expect(chart.total).toBeNull();
  expect(
    toTopChart({ by: 'queues', from: '2026-03-28', to: '2026-03-30', tz: 'UTC', entries: [] }).rows,
  ).toEqual([]);
  expect(
    toTopChart(
      {
        by: 'agents',
        from: '2026-03-28',
        to: '2026-03-30',
        tz: 'UTC',
        entries: [
          { key: 'a', name: 'A', conferences: 2, partiesAdded: 0 },
          { key: 'b', name: 'B', conferences: 1, partiesAdded: 0 },
        ],
      },
      1,
    ).rows.map((r) => r.key),
  ).toEqual(['a']);
});

test('the heat map: Monday first, 24 hours a row, shaded against the busiest hour', () => {
  const grid = toHeatGrid({
    from: '2026-03-23',
    to: '2026-03-29',
    tz: 'UTC',
    cells: [
      { weekday: 0, hour: 9, conferences: 8 },
      { weekday: 0, hour: 10, conferences: 1 },
      { weekday: 6, hour: 23, conferences: 4 },
    ],
  });
  expect(grid.rows.map((r) => r.name)).toEqual([
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday',
  ]);
  expect(grid.rows.every((r) => r.cells.length === 24)).toBe(true);
  expect([grid.max, grid.total, grid.rows[0]!.total]).toEqual([8, 13, 9]);
  expect(grid.rows[0]!.cells[9]).toEqual({ hour: 9, conferences: 8, level: 4 });
  expect(grid.rows[0]!.cells[10]!.level).toBe(1);
  expect(grid.rows[6]!.cells[23]!.level).toBe(2);
  expect(grid.rows[3]!.cells[0]!.level).toBe(0);
});
