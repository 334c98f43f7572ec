import type { HeatmapParams } from '@/lib/reports/report-params';
import type { Heatmap, HeatmapCell } from '@/lib/reports/report-responses';
import type { ReportScope } from '@/lib/reports/scope-keys';
import { localHourAndWeekday, offsetSegments } from '@/lib/reports/zone-offsets';
import { localDays } from '@/lib/reports/zone-time';
import type { Store } from '../store';
import { toReportFilter } from './report-filter-of';

export type { Heatmap, HeatmapCell };

/**
 * `GET /api/reports/heatmap`: conferences started by local hour of day × weekday over the range,
 * all 168 cells, Monday 00:00 first. The store counts per UTC quarter hour; each quarter hour is
 * placed by the zone's offset at that moment, so daylight-saving days put calls in the right hour.
 */
export async function readHeatmap(
  store: Pick<Store, 'countConferenceStarts'>,
  params: HeatmapParams,
  scope: ReportScope,
): Promise<Heatmap> {
  const days = localDays(params.from, params.to, params.tz);
  const start = days[0]!.start;
  const end = days[days.length - 1]!.end;
  const buckets = await store.countConferenceStarts(start, end, toReportFilter(scope, params));
  const segments = offsetSegments(start, end, params.tz);
  const counts = new Array<number>(7 * 24).fill(0);
  for (const b of buckets) {
    const { hour, weekday } = localHourAndWeekday(b.at, segments);
    counts[weekday * 24 + hour]! += b.conferences;
  }
  return {
    from: params.from,
    to: params.to,
    tz: params.tz,
    cells: counts.map((conferences, i) => ({ weekday: Math.floor(i / 24), hour: i % 24, conferences })),
  };
}
