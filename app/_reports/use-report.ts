import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { toDailyCharts, toTopChart } from '@/lib/reports/report-charts';
import { toHeatGrid } from '@/lib/reports/heatmap-grid';
import type { ReportSelection } from '@/lib/reports/report-selection';
import { isTimeZone } from '@/lib/reports/zone-time';
import { dailyReportQuery, heatmapQuery, topReportQuery } from './report-queries';

/** How many agents and queues the top lists show, and how many the filter lists offer. */
export const TOP_SHOWN = 10;
const FILTER_CHOICES = 100;

/**
 * Everything the /reports page draws for a selection, shaped for its charts: the daily charts,
 * the heat map and the top lists (each its own request, so each shows as soon as it has come),
 * and the queues and agents the filters offer (over the range, before the filters narrow it).
 * Unfiltered, a top list is the head of its filter's choices: one request serves both.
 */
export function useReport(selection: ReportSelection) {
  const range = { from: selection.from, to: selection.to, tz: selection.tz };
  const filtered =
    selection.queue !== undefined || selection.agent !== undefined || selection.mode !== undefined;
  const top = (by: 'agents' | 'queues') =>
    filtered ? topReportQuery(selection, by, TOP_SHOWN) : topReportQuery(range, by, FILTER_CHOICES);
  const daily = useQuery(dailyReportQuery(selection));
  const heatmap = useQuery(heatmapQuery(selection));
  const topAgents = useQuery(top('agents'));
  const topQueues = useQuery(top('queues'));
  const queueChoices = useQuery(topReportQuery(range, 'queues', FILTER_CHOICES));
  const agentChoices = useQuery(topReportQuery(range, 'agents', FILTER_CHOICES));

  const charts = useMemo(() => (daily.data ? toDailyCharts(daily.data) : undefined), [daily.data]);
  const grid = useMemo(() => (heatmap.data ? toHeatGrid(heatmap.data) : undefined), [heatmap.data]);
  const agents = useMemo(
    () => (topAgents.data ? toTopChart(topAgents.data, TOP_SHOWN) : undefined),
    [topAgents.data],
  );
  const queues = useMemo(
    () => (topQueues.data ? toTopChart(topQueues.data, TOP_SHOWN) : undefined),
    [topQueues.data],
  );
  const choices = (entries: { key: string; name: string | null }[] | undefined) =>
    (entries ?? []).map((e) => e.name ?? e.key);

  return {
    daily,
    charts,
    heatmap,
    grid,
    topAgents,
    agents,
    topQueues,
    queues,
    /**
     * The zone the report was cut in, as the sidecar answered (its default when none was asked);
     * until it answers, the zone asked for, when this browser knows it.
     */
    timeZone: heatmap.data?.tz ?? (selection.tz && isTimeZone(selection.tz) ? selection.tz : undefined),
    queueChoices: choices(queueChoices.data?.entries),
    agentChoices: choices(agentChoices.data?.entries),
  };
}
