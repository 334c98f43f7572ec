'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { syncServerClock, useServerNow } from '@/components/use-server-now';
import { ConferenceGrid } from '@/components/wallboard/conference-grid';
import { HourlyChart } from '@/components/wallboard/hourly-chart';
import { KpiBoard, type Judged } from '@/components/wallboard/kpi-board';
import { WallboardScreen } from '@/components/wallboard/wallboard-screen';
import type { ConferenceSummary } from '@/lib/realtime';
import { paginateGrid, selectGridConferences } from '@/lib/wallboard/grid-pages';
import { describeHourly, hourlyRows } from '@/lib/wallboard/hourly';
import { computeKpis, filterCalls } from '@/lib/wallboard/kpis';
import { privateConference } from '@/lib/wallboard/privacy';
import { judge, type KpiName } from '@/lib/wallboard/thresholds';
import { parseWallboardParams, type CallFilters } from '@/lib/wallboard/wallboard-params';
import { wallboardTodayQuery } from '../_live/queries';
import { useLiveConferences } from '../_live/use-live-conferences';
import { useSession } from '../_live/use-session';
import { useGridSize } from './use-grid-size';
import { useKioskRenewal } from './use-kiosk-renewal';
import { usePaging, useRotation } from './use-rotation';
import { useStaleSince } from './use-stale';

/** The screen's queues, agent and mode as the history route takes them. */
function todayQuery(calls: CallFilters): string {
  const params = new URLSearchParams();
  for (const queue of calls.queues) params.append('queue', queue);
  // The board's agent filter names an agent known only by name as `name:<name>`.
  if (calls.agent) params.set('agent', calls.agent.replace(/^name:/, ''));
  if (calls.mode) params.set('mode', calls.mode);
  return params.toString();
}

/** The kiosk look (type sized by the screen, no cursor) and the theme the URL asks for. */
function useKioskPage(theme: 'light' | 'dark' | null): void {
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.setAttribute('data-kiosk', '');
    if (theme) root.setAttribute('data-theme', theme);
    return () => root.removeAttribute('data-kiosk');
  }, [theme]);
}

/**
 * The wallboard: key figures, the most important live conferences and today by hour, rotating as
 * the URL says. Live figures come from the one socket subscription and are counted by the board's
 * own definitions; history comes from `GET /api/wallboard/today` each minute. People are shown as
 * privately as the URL asks (and a wallboard credential is sent masked numbers in the first place).
 */
export function WallboardClient() {
  const searchParams = useSearchParams();
  const [settings] = useState(() => parseWallboardParams(searchParams));
  const { board, connection } = useLiveConferences();
  const query = useMemo(() => todayQuery(settings.calls), [settings.calls]);
  const today = useQuery(wallboardTodayQuery(query)).data ?? undefined;
  const queryClient = useQueryClient();
  const now = useServerNow();
  useKioskPage(settings.theme);
  useKioskRenewal();

  useEffect(() => {
    if (board) syncServerClock(board);
  }, [board]);
  // Back from a sidecar restart: history may have moved on too.
  useEffect(() => {
    if (connection.status === 'connected')
      void queryClient.invalidateQueries({ queryKey: wallboardTodayQuery(query).queryKey });
  }, [connection.status, query, queryClient]);

  const conferences = board?.conferences;
  const calls = useMemo(
    () => filterCalls(conferences ? Object.values(conferences) : [], settings.calls),
    [conferences, settings.calls],
  );
  const kpis = useMemo(() => computeKpis(calls, today, now), [calls, today, now]);
  const judged = useMemo(() => {
    const out: Partial<Record<KpiName, Judged>> = {};
    for (const kpi of kpis) {
      const t = settings.thresholds[kpi.name];
      const level = judge(kpi.value, t);
      out[kpi.name] = { level, ...(level === 'normal' ? {} : { bound: t?.[level] }) };
    }
    return out;
  }, [kpis, settings.thresholds]);

  const viewIndex = useRotation(settings.views.length, settings.rotateSeconds);
  const view = settings.views[viewIndex]!;

  const [privateCards] = useState(() => new WeakMap<ConferenceSummary, ConferenceSummary>());
  const gridList = useMemo(
    () =>
      selectGridConferences(calls, settings.grid).map((c) => {
        let shown = privateCards.get(c);
        if (!shown) {
          shown = privateConference(c, settings.privacy);
          privateCards.set(c, shown);
        }
        return shown;
      }),
    [calls, settings.grid, settings.privacy, privateCards],
  );
  const gridRef = useRef<HTMLDivElement>(null);
  const gridSize = useGridSize(gridRef, settings.views.includes('grid'));
  const pages = useMemo(() => (gridSize ? paginateGrid(gridList, gridSize) : [[]]), [gridList, gridSize]);
  const pageIndex = usePaging(pages.length, settings.pageSeconds, view === 'grid');

  const staleSince = useStaleSince(connection, board !== undefined);
  const scope = useSession().session?.scope;
  const subtitle =
    settings.calls.queues.length > 0
      ? settings.calls.queues.join(' · ')
      : scope && scope !== 'all'
        ? scope
        : 'All queues';

  return (
    <WallboardScreen
      subtitle={subtitle}
      views={settings.views}
      viewIndex={viewIndex}
      rotateSeconds={settings.rotateSeconds}
      connection={{
        status: connection.status,
        lastDataAt: board ? (connection.downSince ?? board.receivedAt) : null,
      }}
      staleSince={staleSince}
      ignored={settings.ignored}
    >
      {{
        kpis: <KpiBoard kpis={kpis} judged={judged} />,
        grid: (
          <ConferenceGrid
            page={pages[pageIndex] ?? []}
            pageIndex={pageIndex}
            pageCount={pages.length}
            total={gridList.length}
            size={gridSize}
            gridRef={gridRef}
          />
        ),
        hourly: (
          <HourlyChart
            rows={today ? hourlyRows(today) : null}
            summary={today ? describeHourly(today) : ''}
            timeZone={today?.timeZone ?? ''}
          />
        ),
      }}
    </WallboardScreen>
  );
}
