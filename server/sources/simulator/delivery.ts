import type { RecordedItem, StreamName } from '../recording';
import { createHeap, type Timed } from './heap';
import type { Rng } from './random';
import type { Stats } from './stats';
import { toIso } from './time';

/** Source latency per stream, in ms: EventBridge, Kinesis, our relay. */
const LATENCY: Record<StreamName, readonly [number, number]> = {
  'contact-events': [200, 1500],
  'agent-events': [100, 800],
  ccp: [50, 300],
};

export type DeliveryOptions = { duplicateRate: number; reorderRate: number; lossRate: number };

type Pending = Timed & { stream: StreamName; payload: unknown; duplicate: boolean; reordered: boolean };

/**
 * The network between Amazon Connect and confwatch: each item arrives after its source latency,
 * some twice (same payload, same id), some late enough to overtake later items, some never.
 * Duplicates and reorders are counted as they are delivered, losses as they happen.
 */
export type Delivery = {
  send(stream: StreamName, trueAt: number, payload: unknown): void;
  /** Items whose delivery time is at or before `untilMs`, in delivery order. */
  drain(untilMs: number): RecordedItem[];
};

export function createDelivery(options: DeliveryOptions, rng: Rng, stats: Stats): Delivery {
  const queue = createHeap<Pending>();
  let seq = 0;
  const enqueue = (
    stream: StreamName,
    at: number,
    payload: unknown,
    duplicate: boolean,
    reordered: boolean,
  ) => queue.push({ at: Math.round(at), seq: seq++, stream, payload, duplicate, reordered });
  return {
    send(stream, trueAt, payload) {
      stats.bump(`generated:${stream}`);
      if (rng.chance(options.lossRate)) {
        stats.bump('lost');
        return;
      }
      const [min, max] = LATENCY[stream];
      let at = trueAt + rng.between(min, max);
      const reordered = rng.chance(options.reorderRate);
      if (reordered) at += rng.between(2_000, 8_000);
      enqueue(stream, at, payload, false, reordered);
      if (rng.chance(options.duplicateRate))
        enqueue(stream, at + rng.between(1_000, 20_000), payload, true, false);
    },
    drain(untilMs) {
      const items: RecordedItem[] = [];
      for (let next = queue.peek(); next && next.at <= untilMs; next = queue.peek()) {
        queue.pop();
        if (next.duplicate) stats.bump('duplicates');
        if (next.reordered) stats.bump('reordered');
        items.push({ stream: next.stream, at: toIso(next.at), payload: next.payload });
      }
      if (items.length > 0) stats.bump('items', items.length);
      return items;
    },
  };
}
