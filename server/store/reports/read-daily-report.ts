import { dailyCsvFileName, formatDailyCsv } from '@/lib/reports/csv';
import { buildDailyReport, type DailyReport } from '@/lib/reports/daily-report';
import type { DailyParams } from '@/lib/reports/report-params';
import type { ReportScope } from '@/lib/reports/scope-keys';
import { localDays } from '@/lib/reports/zone-time';
import type { Store } from '../store';
import { toReportFilter } from './report-filter-of';

/**
 * `GET /api/reports/daily`: one row per local day of the range in `params.tz` (zeros included)
 * and the totals, counting the calls in `scope` that started on each day.
 */
export async function readDailyReport(
  store: Pick<Store, 'sumReportDays'>,
  params: DailyParams,
  scope: ReportScope,
): Promise<DailyReport> {
  const days = localDays(params.from, params.to, params.tz);
  const sums = await store.sumReportDays(days, toReportFilter(scope, params));
  return buildDailyReport(
    days.map((d) => d.date),
    sums,
  );
}

export type CsvDownload = { contentType: string; fileName: string; body: string };

/** `GET /api/reports/daily.csv`: the same rows as the JSON report, as a download. */
export async function readDailyCsv(
  store: Pick<Store, 'sumReportDays'>,
  params: DailyParams,
  scope: ReportScope,
): Promise<CsvDownload> {
  const report = await readDailyReport(store, params, scope);
  return {
    contentType: 'text/csv; charset=utf-8',
    fileName: dailyCsvFileName(params.from, params.to),
    body: formatDailyCsv(report),
  };
}
