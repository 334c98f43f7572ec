/**
 * A fixed-window counter per key: at most `limit` attempts per `windowMs`. Sign-in uses one per
 * client address and one per user name, so neither a single machine nor a botnet aimed at one
 * account gets many guesses.
 */
export function createThrottle(limit: number, windowMs: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts an attempt; false when the key has used up its window. */
    attempt(key: string): boolean {
      const t = now();
      if (windows.size > 10_000) for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
      const window = windows.get(key);
      if (!window || t - window.start >= windowMs) {
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      window.count += 1;
      return window.count <= limit;
    },
    /** Seconds until the key may try again. */
    retryAfter(key: string): number {
      const window = windows.get(key);
      return window ? Math.max(1, Math.ceil((window.start + windowMs - now()) / 1000)) : 0;
    },
  };
}
