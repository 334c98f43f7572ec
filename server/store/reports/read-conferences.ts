import type { ConferencesParams } from '@/lib/reports/report-params';
import type { ReportScope } from '@/lib/reports/scope-keys';
import { localDays } from '@/lib/reports/zone-time';
import type { ReportConferencePage, Store } from '../store';
import { toReportFilter } from './report-filter-of';

/**
 * `GET /api/reports/conferences`: the day's conferences in `scope` (and the report's filters),
 * oldest first, a page at a time.
 */
export async function readConferences(
  store: Pick<Store, 'listReportConferences'>,
  params: ConferencesParams,
  scope: ReportScope,
): Promise<ReportConferencePage> {
  const [day] = localDays(params.date, params.date, params.tz);
  return store.listReportConferences(
    {
      start: day!.start,
      end: day!.end,
      limit: params.limit,
      ...(params.size === undefined ? {} : { size: params.size }),
      ...(params.cursor === undefined ? {} : { cursor: params.cursor }),
    },
    toReportFilter(scope, params),
  );
}
