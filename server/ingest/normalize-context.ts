/**
 * What a normalizer knows besides the item: the sidecar's clock at receipt, and how far from it a
 * source time may plausibly lie. The clock follows a replayed recording, so one window serves live
 * traffic and replays alike.
 */
export type NormalizeContext = {
  /** The sidecar clock when the batch was received (epoch ms). */
  now: number;
  /** A source time further than this from `now`, either way, is refused. */
  windowMs: number;
};

/** ±1 day: a clock that far off, or a call that long, is a fault worth a rejection. */
export const DEFAULT_INGEST_WINDOW_MS = 24 * 3_600_000;

export function createNormalizeContext(now: number, windowMs = DEFAULT_INGEST_WINDOW_MS): NormalizeContext {
  return { now, windowMs };
}

/** A source time by the path of the raw field it came from, for a reason that names the field. */
export type NamedTime = readonly [path: string, ms: number | null | undefined];

/** The first time outside the window, as a rejection reason; undefined when every time fits. */
export function findImplausibleTime(ctx: NormalizeContext, times: readonly NamedTime[]): string | undefined {
  for (const [path, ms] of times) {
    if (typeof ms !== 'number' || Math.abs(ms - ctx.now) <= ctx.windowMs) continue;
    const side = ms < ctx.now ? 'before' : 'after';
    return (
      `${path}: ${new Date(ms).toISOString()} is more than ${formatSpan(ctx.windowMs)} ${side} ` +
      `the sidecar clock (${new Date(ctx.now).toISOString()})`
    );
  }
  return undefined;
}

function formatSpan(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 1) return `${Math.round(hours * 100) / 100} h`;
  return `${Math.round(ms / 1000)} s`;
}
