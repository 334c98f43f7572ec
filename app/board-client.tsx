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
import { memoizeFilterOptions } from '@/lib/board/filter-options';
import {
  DEFAULT_FILTERS,
  describeHidden,
  filterConferences,
  parseBoardFilters,
  toFilterQuery,
  type BoardFilters as Filters,
} from '@/lib/board/filters';
import { groupConferences } from '@/lib/board/sort';
import { summarizeBoard } from '@/lib/board/summary';
import type { ConferenceSummary } from '@/lib/realtime';
import { configQuery } from './_live/queries';
import { useAckFlow } from './_live/use-ack-flow';
import { useAlertSignals } from './_live/use-alert-signals';
import { useLiveConferences } from './_live/use-live-conferences';
import { useTheme } from './_live/use-theme';
import styles from './board.module.css';

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

/** The live board: summary, filters, cards and the alerts panel, over one socket subscription. */
export function BoardClient() {
  const [filters, setFilters] = useUrlFilters();
  const { board, connection } = useLiveConferences();
  const longHoldSeconds = useQuery(configQuery()).data?.longHoldSeconds ?? 60;
  const { theme, toggle } = useTheme();
  const ack = useAckFlow();

  useEffect(() => {
    if (board) syncServerClock(board);
  }, [board]);

  const conferences = board?.conferences;
  const acks = board?.acks;
  const all = useMemo(() => (conferences ? Object.values(conferences) : []), [conferences]);
  const shown = useMemo(() => filterConferences(all, filters), [all, filters]);
  const groups = useMemo(() => groupConferences(shown), [shown]);
  const summary = useMemo(() => summarizeBoard(all), [all]);
  const [pickOptions] = useState(memoizeFilterOptions);
  const options = useMemo(() => pickOptions(all, filters), [all, filters, pickOptions]);
  const [rowCache] = useState(() => new WeakMap<ConferenceSummary, AlertRow[]>());
  const rows = useMemo(
    () => (acks ? buildAlertRows(all, { ...ack.confirmed, ...acks }, rowCache) : undefined),
    [all, acks, ack.confirmed, rowCache],
  );
  const signals = useAlertSignals(rows);
  const reset = useCallback(() => setFilters(DEFAULT_FILTERS), [setFilters]);
  const stale = board !== undefined && connection.status !== 'connected';

  return (
    <div className={styles.page} data-stale={stale}>
      <AppHeader brandHeading title="Live board">
        <ConnectionStatus
          status={connection.status}
          lastDataAt={board ? (connection.downSince ?? board.receivedAt) : null}
        />
        <ThemeToggle theme={theme} onToggle={toggle} />
      </AppHeader>
      <SummaryStrip summary={summary} longHoldSeconds={longHoldSeconds} />
      <BoardFilters
        filters={filters}
        options={options}
        shown={shown.length}
        total={all.length}
        onChange={setFilters}
      />
      <div className={styles.columns}>
        <main className={styles.main}>
          {shown.length > 0 ? (
            <BoardGrid groups={groups} />
          ) : (
            <EmptyBoard
              total={all.length}
              hidden={describeHidden(all, filters)}
              loaded={board !== undefined}
              onReset={reset}
            />
          )}
        </main>
        <AlertsPanel
          rows={rows ?? []}
          operatorName={ack.operatorName}
          askingName={ack.askingName}
          pending={ack.pending}
          errors={ack.errors}
          signals={signals}
          onAcknowledge={ack.acknowledge}
          onAskName={ack.askName}
          onSaveName={ack.saveName}
          onCancelName={ack.cancelName}
        />
      </div>
    </div>
  );
}
