import type { TopParams } from '@/lib/reports/report-params';
import type { TopReport } from '@/lib/reports/report-responses';
import type { ReportScope } from '@/lib/reports/scope-keys';
import { localDays } from '@/lib/reports/zone-time';
import type { Store } from '../store';
import { toReportFilter } from './report-filter-of';

export type { TopReport };

/**
 * `GET /api/reports/top`: the agents or queues with the most conferences started in the range,
 * among the calls the report's queue, agent and mode filters leave.
 */
export async function readTop(
  store: Pick<Store, 'topReportMembers'>,
  params: TopParams,
  scope: ReportScope,
): Promise<TopReport> {
  const days = localDays(params.from, params.to, params.tz);
  const entries = await store.topReportMembers(
    { by: params.by, start: days[0]!.start, end: days[days.length - 1]!.end, limit: params.limit },
    toReportFilter(scope, params),
  );
  return { by: params.by, from: params.from, to: params.to, tz: params.tz, entries };
}
