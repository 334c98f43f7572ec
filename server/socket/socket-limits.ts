export type SocketLimitSettings = {
  /** Messages a browser may send per second, on average (bursts of twice that are fine). */
  messagesPerSecond: number;
  /** Conferences one browser may watch at once. */
  maxWatched: number;
  /** A resync is answered at most once per this many milliseconds; more in between are coalesced. */
  resyncMinMs: number;
};

/**
 * One browser's limits. A socket message costs a few bytes to send and can cost the sidecar a
 * whole snapshot (a resync) or a room (a watch), so each client gets a message budget, a number of
 * watched conferences, and at most one snapshot per `resyncMinMs` — a resync asked for sooner is
 * answered once, when the interval is over.
 */
export function createSocketLimits(
  settings: SocketLimitSettings,
  sendSnapshot: () => void,
  onThrottled: (event: string) => void,
) {
  const burst = settings.messagesPerSecond * 2;
  let tokens = burst;
  let refilledAt = Date.now();
  let watched = 0;
  let lastResync = -Infinity;
  let pending: NodeJS.Timeout | undefined;

  return {
    /** Whether a message may be handled now (a token is spent). */
    allow(event: string): boolean {
      const now = Date.now();
      tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * settings.messagesPerSecond);
      refilledAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      onThrottled(event);
      return false;
    },
    resync(): void {
      const wait = lastResync + settings.resyncMinMs - Date.now();
      if (wait <= 0) {
        lastResync = Date.now();
        sendSnapshot();
        return;
      }
      onThrottled('board:resync');
      pending ??= setTimeout(() => {
        pending = undefined;
        lastResync = Date.now();
        sendSnapshot();
      }, wait);
    },
    /** Whether one more conference may be watched (and counts it). */
    watch(): boolean {
      if (watched >= settings.maxWatched) {
        onThrottled('conference:watch');
        return false;
      }
      watched += 1;
      return true;
    },
    unwatch(): void {
      watched = Math.max(0, watched - 1);
    },
    stop(): void {
      if (pending) clearTimeout(pending);
      pending = undefined;
    },
  };
}
