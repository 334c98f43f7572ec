import { expect, test } from 'vitest';
import { createRng } from './random';

const draw = (seed: number, label?: string) => {
  const rng = createRng(seed, label);
  return Array.from({ length: 5 }, () => rng.next());
};

test('the same seed and label give the same stream; another seed or label another', () => {
  expect(draw(7)).toEqual(draw(7));
  expect(draw(7)).not.toEqual(draw(8));
  expect(draw(7, 'a')).not.toEqual(draw(7, 'b'));
  expect(createRng(7).fork('x').next()).toBe(createRng(7).fork('x').next());
});

test('draws stay in their ranges', () => {
  const rng = createRng(3);
  for (let i = 0; i < 10_000; i++) {
    const x = rng.next();
    expect(x >= 0 && x < 1).toBe(true);
    const n = rng.int(2, 6);
    expect(Number.isInteger(n) && n >= 2 && n <= 6).toBe(true);
    expect(rng.exponential(1000)).toBeGreaterThanOrEqual(0);
  }
});

test('weighted draws follow the weights and never pick a zero weight', () => {
  const rng = createRng(5);
  const counts = { a: 0, b: 0, c: 0 };
  for (let i = 0; i < 20_000; i++) counts[rng.weighted({ a: 1, b: 3, c: 0 })] += 1;
  expect(counts.c).toBe(0);
  expect(counts.b / counts.a).toBeGreaterThan(2.7);
  expect(counts.b / counts.a).toBeLessThan(3.3);
});

test('uuids are version-4 UUIDs and do not repeat', () => {
  const rng = createRng(1);
  const ids = Array.from({ length: 50_000 }, () => rng.uuid());
  for (const id of ids.slice(0, 1000))
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(new Set(ids).size).toBe(ids.length);
});
