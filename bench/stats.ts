/** Small statistics for benchmark samples; pure, so the tests pin down exactly what a figure means. */

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest sample with at least p% of
 * the samples at or below it. Nearest-rank never invents a value that was not measured.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Items per second, for `count` items in `ms` milliseconds. */
export function perSecond(count: number, ms: number): number {
  if (ms <= 0) throw new RangeError(`a rate needs a positive duration, got ${ms} ms`);
  return (count * 1000) / ms;
}

/**
 * A latency histogram with fixed 0.1 ms buckets up to `maxMs` (beyond it, one overflow bucket), so
 * a hundred clients can record millions of samples and ship a few kilobytes. Percentiles read the
 * upper edge of the bucket they fall in: never lower than the true value, at most 0.1 ms above.
 */
export type LatencyHistogram = { counts: number[]; maxMs: number };

const BUCKET_MS = 0.1;

export function createHistogram(maxMs = 10_000): LatencyHistogram {
  return { counts: new Array<number>(Math.ceil(maxMs / BUCKET_MS) + 1).fill(0), maxMs };
}

export function recordLatency(h: LatencyHistogram, ms: number): void {
  const index = Math.min(h.counts.length - 1, Math.max(0, Math.ceil(ms / BUCKET_MS - 1e-9)));
  h.counts[index]! += 1;
}

export function mergeHistograms(into: LatencyHistogram, from: LatencyHistogram): void {
  if (into.counts.length !== from.counts.length) throw new RangeError('histograms of different ranges');
  from.counts.forEach((n, i) => (into.counts[i]! += n));
}

export function countSamples(h: LatencyHistogram): number {
  return h.counts.reduce((sum, n) => sum + n, 0);
}

/** Nearest-rank percentile of a histogram; Infinity when it falls in the overflow bucket. */
export function histogramPercentile(h: LatencyHistogram, p: number): number {
  const total = countSamples(h);
  if (total === 0) throw new RangeError('percentile of no samples');
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (let i = 0; i < h.counts.length; i++) {
    seen += h.counts[i]!;
    if (seen >= rank) return i === h.counts.length - 1 ? Infinity : Math.round(i * BUCKET_MS * 10) / 10;
  }
  return Infinity;
}
