import type { DailyReport, ReportFigures } from './daily-report';

export type CsvCell = string | number;

/**
 * RFC 4180: a field holding a comma, a quote, a CR or LF is quoted, quotes doubled; lines end CRLF.
 * A text field a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with `'`.
 */
export function formatCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(formatCell).join(',')).join('\r\n') + '\r\n';
}

function formatCell(cell: CsvCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const DAILY_CSV_HEADER = [
  'date',
  'calls',
  'conferences',
  'size_3',
  'size_4',
  'size_5',
  'size_6',
  'multi_party_share',
  'conference_minutes',
  'cap_hits',
  'contact_lens_conflicts',
  'contact_lens_conflict_minutes',
  'consult_hold_average_seconds',
  'consult_hold_longest_seconds',
  'external_parties_added',
] as const;

function figureCells(f: ReportFigures): number[] {
  return [
    f.calls,
    f.conferences,
    f.bySize['3'],
    f.bySize['4'],
    f.bySize['5'],
    f.bySize['6'],
    f.multiPartyShare,
    f.conferenceMinutes,
    f.capHits,
    f.contactLensConflicts,
    f.contactLensConflictMinutes,
    f.consultHold.averageSeconds,
    f.consultHold.longestSeconds,
    f.externalPartiesAdded,
  ];
}

/** The daily report as CSV: the header, one row per day, then a `total` row. */
export function formatDailyCsv(report: DailyReport): string {
  return formatCsv([
    DAILY_CSV_HEADER,
    ...report.days.map((d) => [d.date, ...figureCells(d)]),
    ['total', ...figureCells(report.totals)],
  ]);
}

/** The file name a download of the report gets. */
export function dailyCsvFileName(from: string, to: string): string {
  return `confwatch-daily-${from}-to-${to}.csv`;
}
