import { performance } from 'node:perf_hooks';
import type { ReportScope } from '@/lib/reports/scope-keys';
import type { Store } from '@/server/store';
import { readDailyReport } from '@/server/store/reports';
import { median, percentile } from './stats';

export type QueryTimings = { medianMs: number; p95Ms: number; samples: number };

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * `GET /api/reports/daily`'s work (readDailyReport: the store's query and the shaping) over the
 * whole seeded range, timed `repeats` times after two warm-up reads.
 */
export async function timeDailyReport(
  store: Store,
  params: { from: string; to: string; tz: string; queue?: string },
  scope: ReportScope,
  repeats: number,
): Promise<QueryTimings> {
  const read = () => readDailyReport(store, params, scope);
  for (let i = 0; i < 2; i++) await read();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    const report = await read();
    samples.push(performance.now() - started);
    if (report.days.length === 0) throw new Error('the daily report came back without days');
  }
  return {
    medianMs: round1(median(samples)),
    p95Ms: round1(percentile(samples, 95)),
    samples: samples.length,
  };
}
