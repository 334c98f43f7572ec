import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The sidecar's Prometheus metrics on prom-client: confwatch's own series plus the process
 * defaults (event-loop lag, GC, heap, handles). Each sidecar (and each test sidecar) has its own
 * registry, so two in one process never share counters.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'confwatch_' });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry] });

  return {
    registry,
    events: counter('confwatch_ingest_events_total', 'Raw items received, by source and outcome.', [
      'outcome',
      'source',
    ]),
    refusals: counter(
      'confwatch_ingest_refused_total',
      'Items refused before the event log, by source and reason (limits, not validation).',
      ['reason', 'source'],
    ),
    liveConferences: gauge(
      'confwatch_live_conferences',
      'Conferences on the board (active and ended within grace).',
    ),
    liveParticipants: gauge(
      'confwatch_live_participants',
      'Active (counted) participants on live conferences.',
    ),
    pendingRoots: gauge('confwatch_orphan_roots_open', 'Calls whose events wait for their root (O4).'),
    alerts: gauge('confwatch_alerts_active', 'Live alerts by kind.', ['kind', 'severity']),
    socketClients: gauge('confwatch_socket_clients', 'Connected Socket.IO clients.'),
    socketScopes: gauge('confwatch_socket_scopes', 'Distinct scopes with a live board publisher.'),
    socketThrottled: counter(
      'confwatch_socket_messages_throttled_total',
      'Socket messages from browsers refused or coalesced by the per-client limits.',
      ['event'],
    ),
    orphans: counter(
      'confwatch_orphan_events_dropped_total',
      'Events dropped because their root never arrived (O4).',
    ),
    historyWrites: counter('confwatch_history_writes_total', 'Conference records written to history.'),
    faults: counter(
      'confwatch_conference_faults_total',
      'Unexpected errors contained to one conference (it is marked as needing attention).',
      ['stage'],
    ),
    needingAttention: gauge(
      'confwatch_conferences_needing_attention',
      'Conferences taken off the board after an unexpected error.',
    ),
    quarantined: gauge(
      'confwatch_event_log_quarantined_rows',
      'Event log rows that failed to restore, kept aside in the quarantine table.',
    ),
    emitLatency: new Histogram({
      name: 'confwatch_ingest_to_emit_seconds',
      help: 'Time from an ingest request to the push that carries its change.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    render: (): Promise<string> => registry.metrics(),
    contentType: registry.contentType,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
