'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { AppHeader } from '@/components/app-header';
import { ChartPanel, type PanelState } from '@/components/reports/chart-panel';
import { ChartTable } from '@/components/reports/chart-table';
import { DailyChart } from '@/components/reports/daily-chart';
import { DayConferences } from '@/components/reports/day-conferences';
import { HeatMap } from '@/components/reports/heat-map';
import { ReportFilters } from '@/components/reports/report-filters';
import { ReportTotals } from '@/components/reports/report-totals';
import { TopChart } from '@/components/reports/top-chart';
import { ThemeToggle } from '@/components/theme-toggle';
import { DAILY_CHART_HEADS, type ChartData, type DailyChartId } from '@/lib/reports/report-charts';
import { formatRange } from '@/lib/reports/report-format';
import { lastDays } from '@/lib/reports/report-selection';
import { localDateOf } from '@/lib/reports/zone-time';
import { SignedInMenu } from '../_live/signed-in-menu';
import { useHeaderLinks } from '../_live/use-header-links';
import { useTheme } from '../_live/use-theme';
import { dailyCsvHref } from '../_reports/report-queries';
import { useDayConferences } from '../_reports/use-day-conferences';
import { useReport } from '../_reports/use-report';
import { useReportSelection } from '../_reports/use-report-selection';
import styles from './reports.module.css';

type QueryLike = { status: 'pending' | 'error' | 'success'; error: Error | null };

/** A panel's state from its request, and whether the range has any call at all. */
function panelState(query: QueryLike, empty: boolean, emptyText: string): PanelState {
  if (query.status === 'pending') return { kind: 'loading' };
  if (query.status === 'error') return { kind: 'error', message: query.error?.message ?? 'failed' };
  return empty ? { kind: 'empty', message: emptyText } : { kind: 'ready' };
}

const RANGE_DAYS = [7, 30, 90];

/**
 * `/reports` in the browser: the range's totals, a chart per figure with its table, the heat map
 * and the top lists; filters in the URL; a day opens its conferences, each opens to its replay.
 */
export function ReportsClient() {
  const [selection, change] = useReportSelection();
  const report = useReport(selection);
  const drill = useDayConferences(selection);
  const { theme, toggle } = useTheme();
  const links = useHeaderLinks();
  const [now] = useState(() => Date.now());
  const timeZones = useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone')], []);
  const drillRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (selection.day) drillRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [selection.day]);

  const days = report.daily.data?.days;
  const shown = days && days.length > 0 ? { from: days[0]!.date, to: days[days.length - 1]!.date } : null;
  const tz = report.timeZone;
  const today = tz ? localDateOf(now, tz) : null;
  const ranges = today ? RANGE_DAYS.map((n) => ({ label: `Last ${n} days`, ...lastDays(today, n) })) : [];
  const noCalls = report.daily.data?.totals.calls === 0;
  const noConferences = report.daily.data?.totals.conferences === 0;
  const refused = [report.daily, report.heatmap, report.topAgents, report.topQueues].find(
    (q) => q.error,
  )?.error;
  const pickDay = (date: string) => change({ day: date });

  /** A daily chart's panel: drawn from its title alone until the report has come. */
  const dailyPanel = (head: (typeof DAILY_CHART_HEADS)[number]) => {
    const chart = report.charts?.find((c) => c.id === head.id) as
      (ChartData & { id: DailyChartId }) | undefined;
    return (
      <ChartPanel
        key={head.id}
        id={head.id}
        title={head.title}
        explain={head.explain}
        state={panelState(report.daily, noCalls, 'No calls in this range.')}
        chart={chart ? <DailyChart data={chart} onPickDay={pickDay} /> : null}
        table={chart ? <ChartTable data={chart} rowHeader="Day" onPickDay={pickDay} /> : null}
      />
    );
  };

  return (
    <div className={styles.page} data-testid="reports">
      <AppHeader brandHeading title={links.length > 0 ? undefined : 'Reports'} links={links}>
        <ThemeToggle theme={theme} onToggle={toggle} />
        <SignedInMenu />
      </AppHeader>
      <ReportFilters
        selection={selection}
        shown={shown}
        ranges={ranges}
        timeZone={tz}
        timeZones={timeZones}
        queues={report.queueChoices}
        agents={report.agentChoices}
        onChange={change}
      />
      <div className={styles.headingRow}>
        <h1 className={styles.heading}>
          Multi-party calls{shown ? `, ${formatRange(shown.from, shown.to)}` : ''}
          {tz ? <span className={styles.zone}> · days in {tz}</span> : null}
        </h1>
        <a className="button" href={dailyCsvHref(selection)} download data-testid="csv-download">
          Download the daily table (CSV)
        </a>
      </div>
      {refused ? (
        <p className={styles.banner} role="alert" data-testid="report-error">
          The report could not be read: {refused.message}.{' '}
          <a href="/reports">Show the last 30 days instead</a>
        </p>
      ) : report.daily.status === 'pending' ? (
        <p className={styles.banner} data-testid="report-loading">
          Loading the report…
        </p>
      ) : noCalls ? (
        <p className={styles.banner} data-testid="report-empty">
          No ended calls in this range
          {selection.queue || selection.agent || selection.mode ? ' with these filters' : ''}. Try a longer
          range or fewer filters.
        </p>
      ) : null}
      {report.daily.data ? <ReportTotals totals={report.daily.data.totals} /> : null}
      <div ref={drillRef}>
        {selection.day && tz ? (
          <DayConferences
            day={selection.day}
            timeZone={tz}
            size={selection.size}
            conferences={drill.conferences}
            status={drill.status === 'idle' ? 'pending' : drill.status}
            error={drill.error?.message ?? null}
            hasMore={drill.hasMore}
            loadingMore={drill.loadingMore}
            onLoadMore={drill.loadMore}
            onSize={(size) => change({ size })}
            onClose={() => change({ day: undefined })}
          />
        ) : null}
      </div>
      <div className={styles.grid}>
        {DAILY_CHART_HEADS.map(dailyPanel)}
        <ChartPanel
          id="heatmap"
          title="When conferences start"
          explain="Conferences started in each hour of each weekday over the range."
          state={panelState(report.heatmap, noConferences, 'No conferences in this range.')}
          chart={report.grid && tz ? <HeatMap grid={report.grid} timeZone={tz} /> : null}
          wide
        />
        {[
          {
            query: report.topAgents,
            data: report.agents,
            id: 'top-agents',
            title: 'Top agents',
            header: 'Agent' as const,
          },
          {
            query: report.topQueues,
            data: report.queues,
            id: 'top-queues',
            title: 'Top queues',
            header: 'Queue' as const,
          },
        ].map((top) => (
          <ChartPanel
            key={top.id}
            id={top.id}
            title={top.data?.title ?? top.title}
            explain={top.data?.explain ?? ''}
            state={panelState(top.query, top.data?.rows.length === 0, 'No conferences in this range.')}
            chart={top.data ? <TopChart data={top.data} /> : null}
            table={top.data ? <ChartTable data={top.data} rowHeader={top.header} /> : null}
          />
        ))}
      </div>
    </div>
  );
}
