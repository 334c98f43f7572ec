'use client';

import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AlertsPanel } from '@/components/alerts-panel';
import { AppHeader } from '@/components/app-header';
import { BoardFilters } from '@/components/board-filters';
import { BoardGrid } from '@/components/board-grid';
import { ConnectionStatus } from '@/components/connection-status';
import { EmptyBoard } from '@/components/empty-board';
import { SummaryStrip } from '@/components/summary-strip';
import { ThemeToggle } from '@/components/theme-toggle';
import { syncServerClock } from '@/components/use-server-now';
import { buildAlertRows, type AlertRow } from '@/lib/board/alert-rows';
import { countBoard, describeEmpty } from '@/lib/board/counts';
import { memoizeFilterOptions } from '@/lib/board/filter-options';
import {
  describeHidden,
  filterConferences,
  widenFilters,
  type BoardFilters as Filters,
} from '@/lib/board/filters';
import {
  canonicalizeFilters,
  parseBoardFilters,
  resetFilters,
  toFilterQuery,
} from '@/lib/board/filter-query';
import { groupConferences } from '@/lib/board/sort';
import { summarizeBoard } from '@/lib/board/summary';
import type { ConferenceSummary } from '@/lib/realtime';
import { configQuery } from './_live/queries';
import { useAckFlow } from './_live/use-ack-flow';
import { useAlertSignals } from './_live/use-alert-signals';
import { useLiveConferences } from './_live/use-live-conferences';
import { useTheme } from './_live/use-theme';
import styles from './board.module.css';
import { SignedInMenu } from './_live/signed-in-menu';
import { useHeaderLinks } from './_live/use-header-links';

/** Filters live in the query string; replaceState keeps them without a navigation or a history entry. */
function writeFilters(next: Filters): void {
  const query = toFilterQuery(next);
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}

/**
 * The filters: read from the URL once, then held here and mirrored to the URL. Holding them in
 * state keeps a change immediate; the router's own URL update is a transition that a busy board
 * (a patch every frame) would keep postponing.
 */
function useUrlFilters(): [Filters, (next: Filters) => void] {
  const searchParams = useSearchParams();
  const [filters, setFilters] = useState(() => parseBoardFilters(searchParams));
  const change = useCallback((next: Filters) => {
    setFilters(next);
    writeFilters(next);
  }, []);
  return [filters, change];
}

/**
 * The live board: summary, filters, cards and the alerts panel, over one socket subscription.
 * Every count comes from one definition of live (`countBoard`); tiles and alerts about calls the
 * filters hide say so, and their Show buttons widen the filters just enough to bring them back.
 */
export function BoardClient() {
  const [urlFilters, setFilters] = useUrlFilters();
  const { board, connection } = useLiveConferences();
  const longHoldSeconds = useQuery(configQuery()).data?.longHoldSeconds ?? 60;
  const { theme, toggle } = useTheme();
  const ack = useAckFlow();
  const links = useHeaderLinks();

  useEffect(() => {
    if (board) syncServerClock(board);
  }, [board]);

  const conferences = board?.conferences;
  const acks = board?.acks;
  const all = useMemo(() => (conferences ? Object.values(conferences) : []), [conferences]);
  // A queue given by ARN (an older link) is read as its name once a call names it.
  const filters = useMemo(() => canonicalizeFilters(urlFilters, all), [urlFilters, all]);
  useEffect(() => {
    if (filters !== urlFilters) writeFilters(filters);
  }, [filters, urlFilters]);
  const shown = useMemo(() => filterConferences(all, filters), [all, filters]);
  const shownIds = useMemo(() => new Set(shown.map((c) => c.id)), [shown]);
  const hiddenCalls = useMemo(
    () => new Set(all.filter((c) => !shownIds.has(c.id)).map((c) => c.id)),
    [all, shownIds],
  );
  const groups = useMemo(() => groupConferences(shown), [shown]);
  const counts = useMemo(() => countBoard(all, shown), [all, shown]);
  const summary = useMemo(() => summarizeBoard(all, shownIds), [all, shownIds]);
  const [pickOptions] = useState(memoizeFilterOptions);
  const options = useMemo(() => pickOptions(all, filters), [all, filters, pickOptions]);
  const [rowCache] = useState(() => new WeakMap<ConferenceSummary, AlertRow[]>());
  const rows = useMemo(
    () => (acks ? buildAlertRows(all, { ...ack.confirmed, ...acks }, rowCache) : undefined),
    [all, acks, ack.confirmed, rowCache],
  );
  const signals = useAlertSignals(rows);
  const reset = useCallback(() => setFilters(resetFilters(filters)), [filters, setFilters]);
  const showCalls = useCallback(
    (ids: readonly string[]) => {
      const wanted = new Set(ids);
      setFilters(
        widenFilters(
          filters,
          all.filter((c) => wanted.has(c.id)),
        ),
      );
    },
    [all, filters, setFilters],
  );
  const showAlertCalls = useCallback(
    () => showCalls((rows ?? []).map((r) => r.conferenceId).filter((id) => hiddenCalls.has(id))),
    [rows, hiddenCalls, showCalls],
  );
  const stale = board !== undefined && connection.status !== 'connected';
  const empty = describeEmpty(counts, board !== undefined);

  return (
    <div className={styles.page} data-stale={stale}>
      <AppHeader brandHeading title={links.length > 0 ? undefined : 'Live board'} links={links}>
        <ConnectionStatus
          status={connection.status}
          lastDataAt={board ? (connection.downSince ?? board.receivedAt) : null}
        />
        <ThemeToggle theme={theme} onToggle={toggle} />
        <SignedInMenu />
      </AppHeader>
      <SummaryStrip summary={summary} longHoldSeconds={longHoldSeconds} onShow={showCalls} />
      <BoardFilters filters={filters} options={options} counts={counts} onChange={setFilters} />
      <div className={styles.columns}>
        <main className={styles.main}>
          {empty ? (
            <EmptyBoard state={empty} hidden={describeHidden(all, filters)} onReset={reset} />
          ) : (
            <BoardGrid groups={groups} density={filters.density} />
          )}
        </main>
        <AlertsPanel
          rows={rows ?? []}
          hiddenCalls={hiddenCalls}
          onShowHidden={showAlertCalls}
          canAcknowledge={ack.allowed}
          pending={ack.pending}
          errors={ack.errors}
          signals={signals}
          onAcknowledge={ack.acknowledge}
        />
      </div>
    </div>
  );
}
