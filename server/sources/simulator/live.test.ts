import { expect, test, vi } from 'vitest';
import type { RecordedItem } from '../recording';
import { createSimulator, startLiveSimulator } from './index';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

test('the live simulator follows the wall clock times the speed and hands items over in order', async () => {
  let wall = 50_000;
  const received: RecordedItem[] = [];
  const live = startLiveSimulator({
    config: { seed: 3 },
    sink: async (items) => {
      received.push(...items);
    },
    now: () => wall,
    tickMs: 1,
    speed: 60,
  });
  wall += 5_000;
  await vi.waitFor(() => expect(received.some((i) => Date.parse(i.at) > 50_000 + 250_000)).toBe(true), {
    timeout: 5_000,
  });
  await live.stop();
  // startAt defaulted to the wall clock at start; 5 s of wall time at speed 60 are 300 s simulated.
  const expected = createSimulator({ seed: 3, startAt: 50_000 }).advance(50_000 + 300_000);
  expect(received.length).toBeGreaterThan(0);
  expect(JSON.stringify(received)).toBe(JSON.stringify(expected));
});

test('a failing sink is reported and the simulator carries on; after stop nothing more is handed over', async () => {
  let wall = T0;
  const errors: unknown[] = [];
  const batches: number[] = [];
  const live = startLiveSimulator({
    config: { seed: 4, startAt: T0 },
    sink: async (items) => {
      batches.push(items.length);
      if (batches.length === 1) throw new Error('sidecar down');
    },
    now: () => wall,
    tickMs: 1,
    speed: 10,
    onError: (error) => errors.push(error),
  });
  for (let i = 0; i < 20 && batches.length < 3; i++) {
    wall += 2_000;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await live.stop();
  expect(errors).toHaveLength(1);
  expect((errors[0] as Error).message).toBe('sidecar down');
  expect(batches.length).toBeGreaterThanOrEqual(3);
  const handed = batches.length;
  wall += 60_000;
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(batches).toHaveLength(handed);
});

test('after each tick the simulated time reached is reported, from startAt at the given speed', async () => {
  let wall = 1_000;
  const reached: number[] = [];
  const live = startLiveSimulator({
    config: { seed: 5, startAt: T0, callsPerMinute: 0, showcase: false },
    sink: async () => {},
    now: () => wall,
    tickMs: 1,
    speed: 30,
    onAdvanced: (simulatedAt) => reached.push(simulatedAt),
  });
  await vi.waitFor(() => expect(reached.length).toBeGreaterThan(0));
  wall += 2_000;
  await vi.waitFor(() => expect(reached.at(-1)).toBe(T0 + 60_000));
  await live.stop();
  expect(reached[0]).toBe(T0);
  expect(reached.every((t, i) => i === 0 || t >= reached[i - 1]!)).toBe(true);
});
