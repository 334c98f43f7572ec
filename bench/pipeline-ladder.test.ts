import { expect, test } from 'vitest';
import { maxSustained, nextBisection, summarizeSteps } from './pipeline-ladder';
import { buildStep } from './test-helpers/builders';

test('a step is sustained only with samples, no failed post, the rate sent and p99 within 100 ms', () => {
  expect(buildStep(2_000).sustained).toBe(true);
  expect(buildStep(2_000, { p99Ms: 100 }).sustained).toBe(true);
  expect(buildStep(2_000, { p99Ms: 100.1 }).sustained).toBe(false);
  expect(buildStep(2_000, { failedPosts: 1 }).sustained).toBe(false);
  expect(buildStep(2_000, { sentPerSec: 1_899 }).sustained).toBe(false);
  expect(buildStep(2_000, { samples: 0 }).sustained).toBe(false);
});

test("a side's maximum is its highest sustained rate, whatever the other side did", () => {
  const steps = [
    buildStep(1_000),
    buildStep(2_000),
    buildStep(3_000, { p99Ms: 400 }),
    buildStep(9_000, { side: 'bare' }),
  ];
  expect(maxSustained(steps, 'sidecar')).toBe(2_000);
  expect(maxSustained(steps, 'bare')).toBe(9_000);
  expect(maxSustained([buildStep(500, { p99Ms: 500 })], 'sidecar')).toBe(0);
});

test('bisection tries halfway between the best sustained and the lowest failed rate above it', () => {
  const steps = [buildStep(2_000), buildStep(3_000, { p99Ms: 400 }), buildStep(4_500, { p99Ms: 900 })];
  expect(nextBisection(steps, 'sidecar')).toBe(2_500);
  expect(nextBisection([...steps, buildStep(2_500)], 'sidecar')).toBe(2_750);
});

test('bisection stops once the bracket is within the precision, or when nothing failed', () => {
  expect(nextBisection([buildStep(2_000), buildStep(2_100, { p99Ms: 400 })], 'sidecar')).toBeUndefined();
  expect(nextBisection([buildStep(2_000), buildStep(4_000)], 'sidecar')).toBeUndefined();
});

test('with nothing sustained, bisection searches below the lowest failed rate', () => {
  expect(nextBisection([buildStep(500, { p99Ms: 300 })], 'sidecar')).toBe(250);
});

test('the summary takes latency and bytes at 2,000 events/s and divides the maxima: sidecar by bare, sidecar by raw relay', () => {
  const steps = [
    buildStep(500),
    buildStep(2_000, { p50Ms: 7, p99Ms: 45 }),
    buildStep(3_000, { p99Ms: 150 }),
    buildStep(2_000, { side: 'bare', p50Ms: 2, p99Ms: 9 }),
    buildStep(4_000, { side: 'bare' }),
    buildStep(6_000, { side: 'bare', p99Ms: 300 }),
    buildStep(2_000, { side: 'raw-relay', p50Ms: 3, p99Ms: 12, pushedBytesPerEvent: 450 }),
    buildStep(2_500, { side: 'raw-relay' }),
    buildStep(3_000, { side: 'raw-relay', p99Ms: 200 }),
  ];
  const summary = summarizeSteps(steps, 100);
  expect(summary).toEqual({
    maxEventsPerSec: 2_000,
    p50Ms: 7,
    p99Ms: 45,
    bareMaxEventsPerSec: 4_000,
    bareP50Ms: 2,
    bareP99Ms: 9,
    transportRatio: 0.5,
    rawRelayMaxEventsPerSec: 2_500,
    rawRelayP50Ms: 3,
    rawRelayP99Ms: 12,
    rawRelayRatio: 0.8,
    pushedBytesPerEvent: 60,
    barePushedBytesPerEvent: 60,
    rawRelayPushedBytesPerEvent: 450,
    clients: 100,
    steps,
  });
  expect(summary.steps).toBe(steps);
});

test('a ratio without any sustained step on its anchor is 0, not a division by zero', () => {
  const summary = summarizeSteps(
    [
      buildStep(2_000),
      buildStep(2_000, { side: 'bare', p99Ms: 500 }),
      buildStep(2_000, { side: 'raw-relay', failedPosts: 3 }),
    ],
    10,
  );
  expect([summary.transportRatio, summary.rawRelayRatio]).toEqual([0, 0]);
});
