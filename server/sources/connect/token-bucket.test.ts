import { describe, expect, test } from 'vitest';
import { createTokenBucket, type BucketClock } from './token-bucket';

/** A clock that only moves when the bucket sleeps on it, recording each sleep. */
function createFakeClock(): BucketClock & { sleeps: number[]; t: number } {
  const clock = {
    t: 0,
    sleeps: [] as number[],
    now: () => clock.t,
    async sleep(ms: number, signal?: AbortSignal) {
      signal?.throwIfAborted();
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

async function takeMany(bucket: ReturnType<typeof createTokenBucket>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await bucket.take();
}

describe('token bucket', () => {
  test('lets a burst through at once, then one request per 1/rate seconds', async () => {
    const clock = createFakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 2, burst: 5 }, clock);
    await takeMany(bucket, 5);
    expect(clock.t).toBe(0);
    await takeMany(bucket, 3);
    expect(clock.t).toBe(1_500);
    expect(clock.sleeps).toEqual([500, 500, 500]);
  });

  test('refills with idle time, never beyond the burst', async () => {
    const clock = createFakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 15 }, clock);
    await takeMany(bucket, 15);
    clock.t += 60_000;
    await takeMany(bucket, 15);
    expect(clock.sleeps).toEqual([]);
    await bucket.take();
    expect(clock.sleeps).toEqual([100]);
  });

  test('drain() after a throttle makes the next request wait for a fresh token', async () => {
    const clock = createFakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 2, burst: 5 }, clock);
    await bucket.take();
    bucket.drain();
    await bucket.take();
    expect(clock.sleeps).toEqual([500]);
  });

  test('an aborted wait rejects instead of taking a token', async () => {
    const clock = createFakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 1, burst: 1 }, clock);
    const abort = new AbortController();
    abort.abort();
    await expect(bucket.take(abort.signal)).rejects.toThrow();
    await bucket.take();
    expect(clock.sleeps).toEqual([]);
  });
});
