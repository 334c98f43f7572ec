/**
 * The sidecar's Prometheus metrics: counters, gauges and one histogram, rendered in the text
 * exposition format. Small on purpose: a dependency for five series is not worth it.
 */

type Labels = Record<string, string>;

const key = (labels: Labels) =>
  Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');

class Series {
  readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge',
  ) {}
  add(labels: Labels, by = 1): void {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  set(labels: Labels, value: number): void {
    this.values.set(key(labels), value);
  }
  reset(): void {
    this.values.clear();
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`];
    for (const [k, v] of this.values) lines.push(`${this.name}${k ? `{${k}}` : ''} ${v}`);
    return lines;
  }
}

export class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }
  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) this.counts[i]! += 1;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket{le="${le}"} ${this.counts[i]}`));
    lines.push(
      `${this.name}_bucket{le="+Inf"} ${this.count}`,
      `${this.name}_sum ${this.sum}`,
      `${this.name}_count ${this.count}`,
    );
    return lines;
  }
}

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics() {
  const metrics = {
    events: new Series(
      'confwatch_ingest_events_total',
      'Raw items received, by source and outcome.',
      'counter',
    ),
    liveConferences: new Series(
      'confwatch_live_conferences',
      'Conferences on the board (active and ended within grace).',
      'gauge',
    ),
    liveParticipants: new Series(
      'confwatch_live_participants',
      'Active (counted) participants on live conferences.',
      'gauge',
    ),
    alerts: new Series('confwatch_alerts_active', 'Live alerts by kind.', 'gauge'),
    socketClients: new Series('confwatch_socket_clients', 'Connected Socket.IO clients.', 'gauge'),
    orphans: new Series(
      'confwatch_orphan_events_dropped_total',
      'Events dropped because their root never arrived (O4).',
      'counter',
    ),
    historyWrites: new Series(
      'confwatch_history_writes_total',
      'Conference records written to history.',
      'counter',
    ),
    emitLatency: new Histogram(
      'confwatch_ingest_to_emit_seconds',
      'Time from an ingest request to the push that carries its change.',
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    ),
  };
  return {
    ...metrics,
    render(): string {
      return `${Object.values(metrics)
        .flatMap((m) => m.render())
        .join('\n')}\n`;
    },
  };
}
