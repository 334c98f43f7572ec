import type { AlertView } from '@/lib/conference';
import {
  encodeSnapshotBody,
  withSnapshotHead,
  type AlertAck,
  type AlertChange,
  type BoardPatch,
} from '@/lib/realtime';
import { diffSummary, type ConferenceChange, type ConferenceSummary } from '@/lib/realtime/summary';
import { scopeKey, type Scope } from './scope';

export type PublisherDeps = {
  /** Minimum gap between two pushes of the same conference. */
  coalesceMs: number;
  /** Wall-clock milliseconds, for coalescing and latency (never the replay clock). */
  wallNow: () => number;
  /** The sidecar clock, stamped on messages so browsers can show durations against it. */
  clockNow: () => number;
  /** The board summary of a conference, or undefined when it is no longer on the board. */
  summarize: (id: string) => ConferenceSummary | undefined;
  /** Whether a conference on the board is in a (restricted) scope. */
  inScope: (id: string, scope: Scope) => boolean;
  /** What a masked feed (the wallboard role's) makes of a card and of a change to one. */
  mask: {
    card: (c: ConferenceSummary) => ConferenceSummary;
    change: (c: ConferenceChange) => ConferenceChange;
  };
  onLatency?: (ms: number) => void;
};

/**
 * `full`: the cards as the engine describes them; `masked`: without customers' and external
 * parties' numbers, for a credential that only opens the wallboard (see `maskSummaryForWallboard`).
 */
export type FeedVariant = 'full' | 'masked';

/** One scope's board: what its browsers hold, its own sequence and its cached snapshot body. */
export type BoardFeed = {
  readonly scope: Scope;
  /** The board as of this feed's last patch, as the binary frame a browser receives. */
  snapshot(acks: readonly AlertAck[]): Uint8Array;
  /** Ids of the cards this feed's browsers hold. */
  has(id: string): boolean;
  subscribe(listener: (patch: BoardPatch) => void): () => void;
};

type FeedState = {
  scope: Scope;
  masked: boolean;
  seq: number;
  members: Set<string>;
  listeners: Set<(patch: BoardPatch) => void>;
  body: { seq: number; ackCount: number; bytes: Uint8Array } | undefined;
};

type CardChange = {
  id: string;
  before?: ConferenceSummary;
  after?: ConferenceSummary;
  change?: ConferenceChange;
  /** The change as masked feeds send it, made once per push for all of them. */
  maskedChange?: ConferenceChange;
  /**
   * Nothing on the card changed, but what decides its scope may have (an agent's hierarchy group
   * learned or changed): scoped feeds look again whether they should hold it.
   */
  unchanged?: true;
};

/** A card as last pushed, with its JSON, and its masked form once a masked feed has asked for it. */
type Card = {
  summary: ConferenceSummary;
  json: string;
  masked?: { summary: ConferenceSummary; json: string };
};

export type Publisher = ReturnType<typeof createPublisher>;

/**
 * Coalesces changes into board patches, one stream per scope. A conference that has not been
 * pushed for `coalesceMs` goes out at once (on the next turn of the event loop, batched with
 * whatever else changed); one pushed more recently waits until its gap has passed, so a busy call
 * costs at most one push per gap. Each card is summarized and diffed once per push, whatever the
 * number of scopes; each scope's feed then sends the card whole when it is new to that scope, the
 * changed fields when its browsers hold it, or its removal when it left the scope.
 */
export function createPublisher(deps: PublisherDeps) {
  /** Each card as last pushed, with its JSON: a snapshot joins those strings (see snapshot-frame). */
  const cards = new Map<string, Card>();
  const dirty = new Map<string, number>();
  const lastSent = new Map<string, number>();
  const pendingAcks: AlertAck[] = [];
  const feeds = new Map<string, FeedState>();
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

  /** Summarizes and diffs every card that is due, once for all feeds. */
  function collectDue(now: number): CardChange[] {
    const due: CardChange[] = [];
    for (const [id, receivedAt] of dirty) {
      if ((lastSent.get(id) ?? -Infinity) + deps.coalesceMs > now) continue;
      dirty.delete(id);
      const before = cards.get(id)?.summary;
      const after = deps.summarize(id);
      if (!after) {
        if (!before) continue;
        cards.delete(id);
        lastSent.delete(id);
        due.push({ id, before });
        continue;
      }
      // A card the browsers already hold gets only the fields that changed (often just lastEventAt).
      const change = before && diffSummary(before, after);
      if (before && !change) {
        due.push({ id, before, after: before, unchanged: true });
        continue;
      }
      cards.set(id, { summary: after, json: JSON.stringify(after) });
      lastSent.set(id, now);
      due.push({ id, after, ...(before ? { before } : {}), ...(change ? { change } : {}) });
      deps.onLatency?.(now - receivedAt);
    }
    return due;
  }

  function flush(): void {
    immediate = undefined;
    timer = undefined;
    // A feed is handed out to be subscribed at once; one nobody listens to is not kept up.
    for (const [key, feed] of feeds) if (feed.listeners.size === 0) feeds.delete(key);
    // Stamped when the flush begins, the moment the coalescing gaps are measured from.
    const serverTime = new Date(deps.clockNow()).toISOString();
    const due = collectDue(deps.wallNow());
    const acks = pendingAcks.splice(0);
    if (due.length > 0 || acks.length > 0) {
      for (const feed of feeds.values()) emitFeedPatch(feed, due, acks, serverTime);
    }
    schedule();
  }

  /** A card's masked form, made at most once per push whatever the number of masked feeds. */
  function maskedCard(id: string): { summary: ConferenceSummary; json: string } {
    const card = cards.get(id)!;
    if (!card.masked) {
      const summary = deps.mask.card(card.summary);
      card.masked = { summary, json: JSON.stringify(summary) };
    }
    return card.masked;
  }

  function emitFeedPatch(feed: FeedState, due: CardChange[], acks: AlertAck[], serverTime: string): void {
    const upserts: ConferenceSummary[] = [];
    const changes: ConferenceChange[] = [];
    const removed: string[] = [];
    const alerts: AlertChange[] = [];
    const restricted = scopeKey(feed.scope) !== 'all';
    for (const card of due) {
      const held = feed.members.has(card.id);
      const visible = card.after !== undefined && (!restricted || deps.inScope(card.id, feed.scope));
      if (card.unchanged && visible === held) continue;
      if (!visible) {
        if (!held) continue;
        feed.members.delete(card.id);
        removed.push(card.id);
        alerts.push(...diffAlerts(card.id, card.before?.alerts ?? [], []));
      } else if (held && card.change) {
        if (feed.masked) card.maskedChange ??= deps.mask.change(card.change);
        changes.push(feed.masked ? card.maskedChange! : card.change);
        alerts.push(...diffAlerts(card.id, card.before?.alerts ?? [], card.after!.alerts));
      } else {
        feed.members.add(card.id);
        upserts.push(feed.masked ? maskedCard(card.id).summary : card.after!);
        alerts.push(...diffAlerts(card.id, held ? (card.before?.alerts ?? []) : [], card.after!.alerts));
      }
    }
    const feedAcks = acks.filter((a) => feed.members.has(a.conferenceId));
    if (upserts.length + changes.length + removed.length + feedAcks.length === 0) return;
    feed.seq += 1;
    feed.body = undefined;
    const patch: BoardPatch = {
      seq: feed.seq,
      serverTime,
      upserts,
      changes,
      removed,
      alerts,
      acks: feedAcks,
    };
    for (const listener of feed.listeners) listener(patch);
  }

  /**
   * The feed of one scope (and variant), created with the cards already in it; it lives while it
   * has listeners.
   */
  function feed(scope: Scope, variant: FeedVariant = 'full'): BoardFeed {
    const restricted = scopeKey(scope) !== 'all';
    const key = variant === 'masked' ? `masked:${scopeKey(scope)}` : scopeKey(scope);
    let state = feeds.get(key);
    if (!state) {
      const members = new Set<string>();
      for (const id of cards.keys()) if (!restricted || deps.inScope(id, scope)) members.add(id);
      state = { scope, masked: variant === 'masked', seq: 0, members, listeners: new Set(), body: undefined };
      feeds.set(key, state);
    }
    const live = state;
    return {
      scope,
      has: (id) => live.members.has(id),
      snapshot(acks) {
        const held = acks.filter((a) => live.members.has(a.conferenceId));
        if (!live.body || live.body.seq !== live.seq || live.body.ackCount !== held.length) {
          const json: string[] = [];
          for (const id of live.members) json.push(live.masked ? maskedCard(id).json : cards.get(id)!.json);
          live.body = { seq: live.seq, ackCount: held.length, bytes: encodeSnapshotBody(json, held) };
        }
        const serverTime = new Date(deps.clockNow()).toISOString();
        return withSnapshotHead({ seq: live.seq, serverTime }, live.body.bytes);
      },
      subscribe(listener) {
        live.listeners.add(listener);
        return () => {
          live.listeners.delete(listener);
          if (live.listeners.size === 0 && feeds.get(key) === live) feeds.delete(key);
        };
      },
    };
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
    feed,
    stop,
    /** Pushes whatever is ready now (tests and shutdown use it). */
    flushNow: flush,
    published: (id: string) => cards.get(id)?.summary,
    publishedCount: () => cards.size,
    publishedSummaries: () => [...cards.values()].map((c) => c.summary),
    feedCount: () => feeds.size,
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
