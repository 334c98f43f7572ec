import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  DailyReportSchema,
  HeatmapSchema,
  ReplaySchema,
  ReportConferencePageSchema,
  ReportErrorSchema,
  TopReportSchema,
} from '@/lib/reports/report-responses';
import { drillQuery, reportQuery, topQuery, type ReportSelection } from '@/lib/reports/report-selection';

/** The report and replay query keys, written here and nowhere else. */
const keys = {
  daily: (query: string) => ['reports', 'daily', query] as const,
  heatmap: (query: string) => ['reports', 'heatmap', query] as const,
  top: (query: string) => ['reports', 'top', query] as const,
  day: (query: string) => ['reports', 'conferences', query] as const,
  replay: (id: string) => ['conference', id, 'replay'] as const,
};

/** A report request the sidecar refused or failed, with its reason and the parameters it named. */
export class ReportRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly params: string[] = [],
  ) {
    super(message);
  }
}

async function getReport<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = ReportErrorSchema.safeParse(await response.json().catch(() => null));
    const reason = body.success
      ? body.data.error.replace(/^bad query: /, '')
      : `the sidecar answered ${response.status}`;
    throw new ReportRequestError(response.status, reason, body.data?.issues?.map((i) => i.param) ?? []);
  }
  return schema.parse(await response.json());
}

/** A refusal (4xx) is not asked again: the same question gets the same answer. */
const retry = (failures: number, error: Error) =>
  !(error instanceof ReportRequestError && error.status >= 400 && error.status < 500) && failures < 3;

const STALE_MS = 60_000;

export const dailyReportQuery = (selection: ReportSelection) => {
  const query = reportQuery(selection);
  return queryOptions({
    queryKey: keys.daily(query),
    queryFn: () => getReport(`/api/reports/daily?${query}`, DailyReportSchema),
    staleTime: STALE_MS,
    retry,
  });
};

export const heatmapQuery = (selection: ReportSelection) => {
  const query = reportQuery(selection);
  return queryOptions({
    queryKey: keys.heatmap(query),
    queryFn: () => getReport(`/api/reports/heatmap?${query}`, HeatmapSchema),
    staleTime: STALE_MS,
    retry,
  });
};

export const topReportQuery = (selection: ReportSelection, by: 'agents' | 'queues', limit: number) => {
  const query = topQuery(selection, by, limit);
  return queryOptions({
    queryKey: keys.top(query),
    queryFn: () => getReport(`/api/reports/top?${query}`, TopReportSchema),
    staleTime: STALE_MS,
    retry,
  });
};

/** One day's conferences, a page at a time (the cursor of the last page asks for the next). */
export const dayConferencesQuery = (selection: ReportSelection & { day: string }) =>
  infiniteQueryOptions({
    queryKey: keys.day(drillQuery(selection)),
    queryFn: ({ pageParam }) =>
      getReport(`/api/reports/conferences?${drillQuery(selection, pageParam)}`, ReportConferencePageSchema),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: STALE_MS,
    retry,
  });

/** An ended call's replay; asked again while it is served from the board (not yet in history). */
export const replayQuery = (id: string) =>
  queryOptions({
    queryKey: keys.replay(id),
    queryFn: () => getReport(`/api/conferences/${encodeURIComponent(id)}/replay`, ReplaySchema),
    staleTime: Infinity,
    retry,
    refetchInterval: (query) => (query.state.data?.onBoard ? 5_000 : false),
  });

/** Where the daily table downloads as CSV, for the same selection. */
export const dailyCsvHref = (selection: ReportSelection) => {
  const query = reportQuery(selection);
  return `/api/reports/daily.csv${query ? `?${query}` : ''}`;
};
