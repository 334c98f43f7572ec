import { setTimeout as sleep } from 'node:timers/promises';

export type RateLimit = { ratePerSecond: number; burst: number };

/** Elapsed time for rate limiting. Not the sidecar clock: that one follows a replay's recorded time. */
export type BucketClock = {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export type TokenBucket = {
  /** Waits until a request may go out, then spends a token; rejects if `signal` aborts first. */
  take(signal?: AbortSignal): Promise<void>;
  /** Empties the bucket after a throttle, so the next requests go out at the refill rate. */
  drain(): void;
};

const MONOTONIC: BucketClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : {}),
};

/** A token bucket holding up to `burst` tokens, refilled at `ratePerSecond`; it starts full. */
export function createTokenBucket(limit: RateLimit, clock: BucketClock = MONOTONIC): TokenBucket {
  let tokens = limit.burst;
  let refilledAt = clock.now();

  function refill(): void {
    const now = clock.now();
    tokens = Math.min(limit.burst, tokens + ((now - refilledAt) / 1000) * limit.ratePerSecond);
    refilledAt = now;
  }

  return {
    async take(signal) {
      for (;;) {
        signal?.throwIfAborted();
        refill();
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await clock.sleep(Math.ceil(((1 - tokens) / limit.ratePerSecond) * 1000), signal);
      }
    },
    drain() {
      refill();
      tokens = 0;
    },
  };
}
