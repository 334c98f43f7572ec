import type { Hub } from './hub';
import type { Metrics } from './metrics';

/** Recomputes the gauges from what is on the board, just before a scrape. */
export function refreshGauges(hub: Pick<Hub, 'board' | 'attention'>, metrics: Metrics): void {
  const summaries = hub.board.publishedSummaries();
  metrics.liveConferences.set(summaries.length);
  metrics.liveParticipants.set(summaries.reduce((sum, c) => sum + c.activeParticipants, 0));
  metrics.alerts.reset();
  for (const c of summaries)
    for (const a of c.alerts) metrics.alerts.inc({ kind: a.kind, severity: a.severity });
  metrics.socketScopes.set(hub.board.feedCount());
  metrics.needingAttention.set(hub.attention().size);
}
