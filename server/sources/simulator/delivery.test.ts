import { expect, test } from 'vitest';
import { createDelivery } from './delivery';
import { createRng } from './random';
import { createStats } from './stats';
import type { StreamName } from '../recording';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

function deliverOne(
  stream: StreamName,
  count: number,
  options = { duplicateRate: 0, reorderRate: 0, lossRate: 0 },
) {
  const stats = createStats();
  const delivery = createDelivery(options, createRng(1), stats);
  for (let i = 0; i < count; i++) delivery.send(stream, T0, { n: i });
  return { items: delivery.drain(T0 + 60_000), stats };
}

test('each stream arrives after its own source latency', () => {
  const ranges: Record<StreamName, [number, number]> = {
    'contact-events': [200, 1500],
    'agent-events': [100, 800],
    ccp: [50, 300],
  };
  for (const [stream, [min, max]] of Object.entries(ranges) as [StreamName, [number, number]][]) {
    const lags = deliverOne(stream, 2_000).items.map((i) => Date.parse(i.at) - T0);
    expect(Math.min(...lags)).toBeGreaterThanOrEqual(min);
    expect(Math.max(...lags)).toBeLessThanOrEqual(max);
    expect(Math.max(...lags) - Math.min(...lags)).toBeGreaterThan((max - min) * 0.9);
  }
});

test('O1 duplicates repeat the very payload later; reordered items are held back; lost ones never come', () => {
  const { items, stats } = deliverOne('agent-events', 5_000, {
    duplicateRate: 0.1,
    reorderRate: 0.1,
    lossRate: 0.1,
  });
  const seen = new Map<unknown, string>();
  let repeats = 0;
  for (const item of items) {
    if (seen.has(item.payload)) {
      repeats += 1;
      expect(item.at > seen.get(item.payload)!).toBe(true);
    } else seen.set(item.payload, item.at);
  }
  expect(repeats).toBe(stats.get('duplicates'));
  expect(seen.size).toBe(5_000 - stats.get('lost'));
  expect(stats.get('lost') / 5_000).toBeGreaterThan(0.08);
  expect(items.filter((i) => Date.parse(i.at) - T0 > 2_000).length).toBeGreaterThanOrEqual(
    stats.get('reordered'),
  );
  expect(stats.get('reordered')).toBeGreaterThan(300);
});

test('drain hands out only what is due, in delivery order', () => {
  const delivery = createDelivery(
    { duplicateRate: 0, reorderRate: 0, lossRate: 0 },
    createRng(2),
    createStats(),
  );
  delivery.send('ccp', T0 + 1_000, 'later');
  delivery.send('ccp', T0, 'sooner');
  expect(delivery.drain(T0 + 400).map((i) => i.payload)).toEqual(['sooner']);
  expect(delivery.drain(T0 + 400)).toEqual([]);
  expect(delivery.drain(T0 + 2_000).map((i) => i.payload)).toEqual(['later']);
});
