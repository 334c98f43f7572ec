/** The sidecar clock as last heard: its time in a message, and this client's clock on arrival. */
export type ServerClock = { serverTime: string; receivedAt: number };

/**
 * The sidecar's time now, estimated from the last message: durations on the board are measured
 * against it so a browser with a wrong clock still shows true call lengths.
 */
export function estimateServerNow(clock: ServerClock, clientNow: number): number {
  return Date.parse(clock.serverTime) + (clientNow - clock.receivedAt);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A running length as a wallboard reads it: `4:05`, `1:02:03`. Never negative. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A time of day in the browser's zone, 24-hour: `09:05`, or `09:05:07` with seconds. */
export function formatClock(at: string | number, withSeconds = false): string {
  const d = new Date(at);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return withSeconds ? `${hm}:${pad(d.getSeconds())}` : hm;
}

/** How long ago, in words short enough for a badge: `45 s`, `3 min`, `1 h 12 min`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const rest = m % 60;
  return rest === 0 ? `${Math.floor(m / 60)} h` : `${Math.floor(m / 60)} h ${rest} min`;
}

/** Milliseconds from `from` (ISO) to `now`, or null when `from` is unknown. */
export function elapsedSince(from: string | null, now: number): number | null {
  return from === null ? null : now - Date.parse(from);
}
