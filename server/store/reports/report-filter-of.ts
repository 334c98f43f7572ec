import type { ReportFilters } from '@/lib/reports/report-params';
import { scopeFilterKeys, type ReportScope } from '@/lib/reports/scope-keys';
import type { ReportFilter } from '../report-filter';

/** The store filter for a caller's scope and a report's own filters. */
export function toReportFilter(scope: ReportScope, filters: ReportFilters = {}): ReportFilter {
  const filter: ReportFilter = { scopeKeys: scopeFilterKeys(scope) };
  if (filters.queue !== undefined) filter.queue = filters.queue;
  if (filters.agent !== undefined) filter.agent = filters.agent;
  if (filters.mode !== undefined) filter.mode = filters.mode;
  return filter;
}
