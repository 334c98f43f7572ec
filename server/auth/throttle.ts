/** Keys a throttle holds at most by default: beyond it the oldest windows are forgotten first. */
export const THROTTLE_MAX_KEYS = 100_000;

/**
 * A fixed-window counter per key: at most `limit` counted events per `windowMs`. Every call costs
 * O(1) amortized however many keys are held: windows are also kept in a queue in the order they
 * started, so expired ones are dropped from its front, and past `maxKeys` the oldest go first.
 * (A sender choosing keys at will must not make each call scan them all.)
 */
export function createThrottle(
  limit: number,
  windowMs: number,
  now: () => number = Date.now,
  maxKeys: number = THROTTLE_MAX_KEYS,
) {
  const windows = new Map<string, { start: number; count: number }>();
  // Each window's key and start, oldest first; an entry whose key restarted since is skipped.
  const order: { key: string; start: number }[] = [];
  let head = 0;

  function expire(t: number): void {
    while (head < order.length) {
      const { key, start } = order[head]!;
      const current = windows.get(key);
      const stale = current?.start !== start;
      if (!stale && t - start < windowMs && windows.size <= maxKeys) break;
      if (!stale) windows.delete(key);
      head += 1;
    }
    // Drop the consumed front now and then, so the queue is never much longer than the map.
    if (head > 1_024 && head * 2 > order.length) {
      order.splice(0, head);
      head = 0;
    }
  }

  function current(key: string): { start: number; count: number } | undefined {
    const t = now();
    expire(t);
    const window = windows.get(key);
    return window && t - window.start < windowMs ? window : undefined;
  }

  return {
    /** Counts an event for `key`; false when that went past the limit of its window. */
    attempt(key: string): boolean {
      const window = current(key);
      if (window) {
        window.count += 1;
        return window.count <= limit;
      }
      const start = now();
      windows.set(key, { start, count: 1 });
      order.push({ key, start });
      expire(start);
      return 1 <= limit;
    },
    /** The events counted for `key` in its current window (0 when none). */
    count: (key: string): number => current(key)?.count ?? 0,
    /** Whether `key` has used up its window (without counting anything). */
    exhausted: (key: string): boolean => (current(key)?.count ?? 0) >= limit,
    /** Forgets `key` (a success clears the failures before it). */
    clear(key: string): void {
      windows.delete(key);
    },
    /** Seconds until the key's window ends (0 when it has none). */
    retryAfter(key: string): number {
      const window = current(key);
      return window ? Math.max(1, Math.ceil((window.start + windowMs - now()) / 1000)) : 0;
    },
    /** How many keys are held (for tests and bounds). */
    size: (): number => windows.size,
  };
}

export type Throttle = ReturnType<typeof createThrottle>;
