import type { DailyReport, ReportFigures } from './daily-report';
import type { FigureUnit } from './report-format';
import type { TopReport } from './report-responses';

/** One column of a chart's table (and one series of the chart where it is drawn). */
export type ChartColumn = { key: string; label: string; unit: FigureUnit };

/**
 * One row of a chart's table: a day (its date as key), a total, or an agent or queue. A day
 * without calls is `empty`: its table row says 0, its chart leaves a gap (a share of nothing is
 * not a share of 0 %).
 */
export type ChartRow = { key: string; label: string; values: Record<string, number>; empty?: boolean };

/** What a chart draws and the table beneath it lists: the same rows, the same numbers. */
export type ChartData = {
  id: DailyChartId | 'top-agents' | 'top-queues';
  title: string;
  /** What the numbers are, in one sentence a manager reads once. */
  explain: string;
  columns: ChartColumn[];
  rows: ChartRow[];
  total: ChartRow | null;
};

export type DailyChartId =
  | 'by-size'
  | 'multi-party-share'
  | 'conference-minutes'
  | 'cap-hits'
  | 'contact-lens'
  | 'consult-hold'
  | 'external-parties';

type DailyChart = {
  id: DailyChartId;
  title: string;
  explain: string;
  columns: (ChartColumn & { pick: (f: ReportFigures) => number })[];
};

const col = (key: string, label: string, unit: FigureUnit, pick: (f: ReportFigures) => number) => ({
  key,
  label,
  unit,
  pick,
});

/** The daily charts, in the order the page shows them. */
const DAILY_CHARTS: DailyChart[] = [
  {
    id: 'by-size',
    title: 'Conferences per day, by peak size',
    explain: 'Calls that reached three or more counted parties, stacked by the most they reached at once.',
    columns: [
      col('size3', '3 parties', 'count', (f) => f.bySize['3']),
      col('size4', '4 parties', 'count', (f) => f.bySize['4']),
      col('size5', '5 parties', 'count', (f) => f.bySize['5']),
      col('size6', '6 parties', 'count', (f) => f.bySize['6']),
      col('conferences', 'Conferences', 'count', (f) => f.conferences),
    ],
  },
  {
    id: 'multi-party-share',
    title: 'Share of calls that became multi-party',
    explain: 'Conferences out of all ended voice calls that started that day.',
    columns: [
      col('share', 'Share', 'share', (f) => f.multiPartyShare),
      col('conferences', 'Conferences', 'count', (f) => f.conferences),
      col('calls', 'Calls', 'count', (f) => f.calls),
    ],
  },
  {
    id: 'conference-minutes',
    title: 'Conference minutes per day',
    explain: 'Minutes during which a call had three or more counted parties.',
    columns: [col('minutes', 'Conference minutes', 'minutes', (f) => f.conferenceMinutes)],
  },
  {
    id: 'cap-hits',
    title: 'Cap hits per day',
    explain: 'Calls that reached their party cap (six, or three in three-party mode) at least once.',
    columns: [col('capHits', 'Calls at the cap', 'count', (f) => f.capHits)],
  },
  {
    id: 'contact-lens',
    title: 'Contact Lens conflicts',
    explain:
      'Calls on which Contact Lens was on while three or more parties were counted (alert A2), which it cannot analyse, and the minutes it was.',
    columns: [
      col('conflicts', 'Calls in conflict', 'count', (f) => f.contactLensConflicts),
      col('minutes', 'Minutes in conflict', 'minutes', (f) => f.contactLensConflictMinutes),
    ],
  },
  {
    id: 'consult-hold',
    title: 'Customer hold during consults',
    explain:
      'How long customers waited on hold while agents consulted or added a party: average and longest.',
    columns: [
      col('average', 'Average hold', 'seconds', (f) => f.consultHold.averageSeconds),
      col('longest', 'Longest hold', 'seconds', (f) => f.consultHold.longestSeconds),
    ],
  },
  {
    id: 'external-parties',
    title: 'External parties added per day',
    explain: 'Outside numbers (not agents) dialled into calls.',
    columns: [col('external', 'External parties', 'count', (f) => f.externalPartiesAdded)],
  },
];

/** The daily charts' titles and explanations, for panels drawn before the report has come. */
export const DAILY_CHART_HEADS: readonly Pick<ChartData, 'id' | 'title' | 'explain'>[] = DAILY_CHARTS.map(
  ({ id, title, explain }) => ({ id, title, explain }),
);

/** Every daily chart of the report: one row a day (zeros included), and the range's total. */
export function toDailyCharts(report: DailyReport): ChartData[] {
  return DAILY_CHARTS.map((chart) => {
    const valuesOf = (f: ReportFigures) => Object.fromEntries(chart.columns.map((c) => [c.key, c.pick(f)]));
    return {
      id: chart.id,
      title: chart.title,
      explain: chart.explain,
      columns: chart.columns.map(({ key, label, unit }) => ({ key, label, unit })),
      rows: report.days.map((d) => ({
        key: d.date,
        label: d.date,
        values: valuesOf(d),
        ...(d.calls === 0 ? { empty: true } : {}),
      })),
      total: { key: 'total', label: 'Total', values: valuesOf(report.totals) },
    };
  });
}

/** A top list as a chart: one row per agent or queue (its name, else its ARN), most first, at most `shown`. */
export function toTopChart(top: TopReport, shown = top.entries.length): ChartData {
  const agents = top.by === 'agents';
  return {
    id: agents ? 'top-agents' : 'top-queues',
    title: agents ? 'Top agents' : 'Top queues',
    explain: agents
      ? 'Agents on the most conferences, and how many parties each added.'
      : 'Queues with the most conferences, and the parties added on them.',
    columns: [
      { key: 'conferences', label: 'Conferences', unit: 'count' },
      { key: 'partiesAdded', label: 'Parties added', unit: 'count' },
    ],
    rows: top.entries.slice(0, shown).map((e) => ({
      key: e.key,
      label: e.name ?? e.key,
      values: { conferences: e.conferences, partiesAdded: e.partiesAdded },
    })),
    total: null,
  };
}

/** The rows as recharts takes them: one flat object each, a day without calls a gap (null). */
export function toChartPoints(
  data: ChartData,
): ({ key: string; label: string } & Record<string, number | string | null>)[] {
  return data.rows.map((r) => ({
    key: r.key,
    label: r.label,
    ...(r.empty ? Object.fromEntries(Object.keys(r.values).map((k) => [k, null])) : r.values),
  }));
}
