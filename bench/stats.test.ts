import { expect, test } from 'vitest';
import {
  countSamples,
  createHistogram,
  histogramPercentile,
  median,
  mergeHistograms,
  percentile,
  perSecond,
  recordLatency,
} from './stats';

const oneToHundred = () => Array.from({ length: 100 }, (_, i) => i + 1);

test('percentile is nearest-rank: p99 of 1..100 is 99, p100 the maximum, p0 the minimum', () => {
  const samples = oneToHundred().reverse();
  expect(percentile(samples, 99)).toBe(99);
  expect(percentile(samples, 95)).toBe(95);
  expect(percentile(samples, 100)).toBe(100);
  expect(percentile(samples, 0)).toBe(1);
  expect(median(samples)).toBe(50);
});

test('percentile never invents a value: p50 of two samples is the lower one', () => {
  expect(percentile([10, 30], 50)).toBe(10);
  expect(percentile([10, 30], 51)).toBe(30);
  expect(percentile([7], 99)).toBe(7);
});

test('percentile leaves the samples in their order', () => {
  const samples = [3, 1, 2];
  percentile(samples, 50);
  expect(samples).toEqual([3, 1, 2]);
});

test('percentile refuses no samples and a p outside 0–100', () => {
  expect(() => percentile([], 50)).toThrow(RangeError);
  expect(() => percentile([1], 101)).toThrow(RangeError);
  expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
});

test('perSecond turns a count over milliseconds into a rate and refuses a zero duration', () => {
  expect(perSecond(500, 250)).toBe(2000);
  expect(() => perSecond(1, 0)).toThrow(RangeError);
});

test('a histogram percentile is the upper edge of its 0.1 ms bucket, never below the true value', () => {
  const h = createHistogram(1_000);
  for (const ms of oneToHundred()) recordLatency(h, ms + 0.05);
  expect(countSamples(h)).toBe(100);
  expect(histogramPercentile(h, 50)).toBe(50.1);
  expect(histogramPercentile(h, 99)).toBe(99.1);
  const exact = createHistogram(1_000);
  recordLatency(exact, 2);
  expect(histogramPercentile(exact, 50)).toBe(2);
});

test('a histogram reports Infinity for a percentile past its range, and merges by bucket', () => {
  const a = createHistogram(100);
  const b = createHistogram(100);
  recordLatency(a, 5);
  recordLatency(b, 5_000);
  mergeHistograms(a, b);
  expect(countSamples(a)).toBe(2);
  expect(histogramPercentile(a, 50)).toBe(5);
  expect(histogramPercentile(a, 100)).toBe(Infinity);
  expect(() => mergeHistograms(a, createHistogram(200))).toThrow(RangeError);
  expect(() => histogramPercentile(createHistogram(), 50)).toThrow(RangeError);
});
