import { describe, expect, test } from 'vitest';
import { DAILY_CSV_HEADER, dailyCsvFileName, formatCsv, formatDailyCsv } from './csv';
import { buildDailyReport, ZERO_SUMS } from './daily-report';

describe('CSV', () => {
  test('quotes commas, quotes and line breaks; defuses formulas; CRLF lines', () => {
    expect(formatCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 3.5, '=SUM(A1)']])).toBe(
      'a,"b,c","say ""hi""","two\nlines",3.5,\'=SUM(A1)\r\n',
    );
  });

  test('the daily CSV holds the JSON report row by row, then the totals', () => {
    const report = buildDailyReport(
      ['2026-11-01', '2026-11-02'],
      new Map([['2026-11-02', { ...ZERO_SUMS, calls: 4, conferences: 1, size4: 1, conferenceMs: 90_000 }]]),
    );
    const lines = formatDailyCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe(DAILY_CSV_HEADER.join(','));
    const rows = lines.slice(1).map((l) => l.split(','));
    const fromJson = [...report.days, { date: 'total', ...report.totals }].map((d) =>
      [
        d.date,
        d.calls,
        d.conferences,
        d.bySize['3'],
        d.bySize['4'],
        d.bySize['5'],
        d.bySize['6'],
        d.multiPartyShare,
        d.conferenceMinutes,
        d.capHits,
        d.contactLensConflicts,
        d.contactLensConflictMinutes,
        d.consultHold.averageSeconds,
        d.consultHold.longestSeconds,
        d.externalPartiesAdded,
      ].map(String),
    );
    expect(rows).toEqual(fromJson);
    expect(rows[1]!.slice(0, 9)).toEqual(['2026-11-02', '4', '1', '0', '1', '0', '0', '0.25', '1.5']);
    expect(dailyCsvFileName('2026-11-01', '2026-11-02')).toBe('confwatch-daily-2026-11-01-to-2026-11-02.csv');
  });
});
