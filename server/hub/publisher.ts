import type { AlertView } from '@/lib/conference';
import { encodeSnapshotFrame, type AlertAck, type AlertChange, type BoardPatch } from '@/lib/realtime';
import { diffSummary, type ConferenceChange, type ConferenceSummary } from '@/lib/realtime/summary';

export type PublisherDeps = {
  /** Minimum gap between two pushes of the same conference. */
  coalesceMs: number;
  /** Wall-clock milliseconds, for coalescing and latency (never the replay clock). */
  wallNow: () => number;
  /** The sidecar clock, stamped on messages so browsers can show durations against it. */
  clockNow: () => number;
  /** The board summary of a conference, or undefined when it is no longer on the board. */
  summarize: (id: string) => ConferenceSummary | undefined;
  emit: (patch: BoardPatch) => void;
  onLatency?: (ms: number) => void;
};

export type Publisher = ReturnType<typeof createPublisher>;

/**
 * Coalesces changes into board patches. A conference that has not been pushed for `coalesceMs` goes
 * out at once (on the next turn of the event loop, batched with whatever else changed); one pushed
 * more recently waits until its gap has passed, so a busy call costs at most one push per gap.
 */
export function createPublisher(deps: PublisherDeps) {
  /** Each card as last pushed, with its JSON: a snapshot joins those strings (see snapshot-frame). */
  const published = new Map<string, { summary: ConferenceSummary; json: string }>();
  const dirty = new Map<string, number>();
  const lastSent = new Map<string, number>();
  const pendingAcks: AlertAck[] = [];
  let seq = 0;
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;

  function markDirty(id: string, receivedAt = deps.wallNow()): void {
    const since = dirty.get(id);
    if (since === undefined || receivedAt < since) dirty.set(id, receivedAt);
    schedule();
  }

  function queueAck(ack: AlertAck): void {
    pendingAcks.push(ack);
    schedule();
  }

  function schedule(): void {
    if (immediate) return;
    const now = deps.wallNow();
    let next = Infinity;
    for (const id of dirty.keys()) next = Math.min(next, (lastSent.get(id) ?? -Infinity) + deps.coalesceMs);
    if (pendingAcks.length > 0) next = now;
    if (next === Infinity) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (next <= now) immediate = setImmediate(flush);
    else timer = setTimeout(flush, next - now);
  }

  function flush(): void {
    immediate = undefined;
    timer = undefined;
    const now = deps.wallNow();
    const upserts: ConferenceSummary[] = [];
    const changes: ConferenceChange[] = [];
    const removed: string[] = [];
    const alerts: AlertChange[] = [];
    for (const [id, receivedAt] of dirty) {
      if ((lastSent.get(id) ?? -Infinity) + deps.coalesceMs > now) continue;
      dirty.delete(id);
      const before = published.get(id);
      const summary = deps.summarize(id);
      if (!summary) {
        if (!before) continue;
        published.delete(id);
        lastSent.delete(id);
        removed.push(id);
        alerts.push(...diffAlerts(id, before.summary.alerts, []));
        continue;
      }
      // A card the browsers already hold gets only the fields that changed (often just lastEventAt).
      const change = before && diffSummary(before.summary, summary);
      if (before && !change) continue;
      published.set(id, { summary, json: JSON.stringify(summary) });
      lastSent.set(id, now);
      if (change) changes.push(change);
      else upserts.push(summary);
      alerts.push(...diffAlerts(id, before?.summary.alerts ?? [], summary.alerts));
      deps.onLatency?.(now - receivedAt);
    }
    const acks = pendingAcks.splice(0);
    if (upserts.length > 0 || changes.length > 0 || removed.length > 0 || acks.length > 0) {
      seq += 1;
      const serverTime = new Date(deps.clockNow()).toISOString();
      deps.emit({ seq, serverTime, upserts, changes, removed, alerts, acks });
    }
    schedule();
  }

  /**
   * The whole board as of the last patch, what a newly connected browser starts from, as the
   * binary frame the socket sends (see snapshot-frame).
   */
  function encodedSnapshot(acks: AlertAck[]): Uint8Array {
    const json: string[] = [];
    for (const p of published.values()) json.push(p.json);
    return encodeSnapshotFrame({ seq, serverTime: new Date(deps.clockNow()).toISOString() }, json, acks);
  }

  function stop(): void {
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    timer = undefined;
    immediate = undefined;
  }

  return {
    markDirty,
    queueAck,
    encodedSnapshot,
    stop,
    /** Pushes whatever is ready now (tests and shutdown use it). */
    flushNow: flush,
    published: (id: string) => published.get(id)?.summary,
    publishedCount: () => published.size,
    publishedSummaries: () => [...published.values()].map((p) => p.summary),
    get seq() {
      return seq;
    },
  };
}

function diffAlerts(conferenceId: string, before: AlertView[], after: AlertView[]): AlertChange[] {
  const changes: AlertChange[] = [];
  const was = new Map(before.map((a) => [a.kind, a]));
  const now = new Map(after.map((a) => [a.kind, a]));
  for (const a of after) {
    const old = was.get(a.kind);
    if (!old || old.since !== a.since)
      changes.push({ conferenceId, kind: a.kind, severity: a.severity, since: a.since, change: 'raised' });
  }
  for (const a of before) {
    const current = now.get(a.kind);
    if (!current || current.since !== a.since)
      changes.push({ conferenceId, kind: a.kind, severity: a.severity, since: a.since, change: 'cleared' });
  }
  return changes;
}
