import { z } from 'zod';
import { describeIssues as describe } from '@/lib/realtime/describe-issues';
import { EpochMsSchema, MAX_EPOCH_MS } from '@/lib/conference';

/**
 * ISO-8601 as Amazon Connect writes it: a real calendar date (no 30 February, no hour 24, no month
 * 13), seconds, and an explicit zone (`Z` or `±hh:mm`). A time without a zone would be read in the
 * sidecar's own zone, so it is refused rather than guessed. The store checks ISO times the same way.
 */
const IsoInstantSchema = z.iso.datetime({ offset: true });

function toEpochMs(value: string | number, ctx: z.RefinementCtx): number {
  if (typeof value === 'number') {
    if (EpochMsSchema.safeParse(value).success) return value;
    ctx.addIssue({
      code: 'custom',
      message: `not epoch milliseconds between 1970 and year 9999 (an integer from 0 to ${MAX_EPOCH_MS}): ${value}`,
    });
    return z.NEVER;
  }
  if (value.length > 64 || !IsoInstantSchema.safeParse(value).success) {
    ctx.addIssue({
      code: 'custom',
      message: `not an ISO-8601 time with a real date and a zone (e.g. 2026-11-23T10:00:00Z): ${JSON.stringify(value.slice(0, 64))}`,
    });
    return z.NEVER;
  }
  const ms = Date.parse(value);
  if (!(ms >= 0)) {
    ctx.addIssue({ code: 'custom', message: `before 1970: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return ms;
}

/** An ISO-8601 timestamp turned into epoch milliseconds, or a clear error. */
export const IsoTimestampSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'expected an ISO-8601 time string') })
  .transform(toEpochMs);

/** The agent event stream sends ISO strings; GetCurrentUserData-style payloads may send epoch numbers. */
export const FlexibleTimestampSchema = z
  .union([z.string(), z.number()], {
    error: (issue) =>
      issue.input === undefined ? 'required' : 'expected an ISO-8601 time string or epoch milliseconds',
  })
  .transform(toEpochMs);

/**
 * The `x-confwatch-source-clock` header of a replay: the recording's time now. Only its form and
 * range are checked, not its distance from the wall clock, since a recording may be months old.
 */
export function parseSourceClock(value: string): { ok: true; ms: number } | { ok: false; reason: string } {
  const parsed = IsoTimestampSchema.safeParse(value);
  if (parsed.success) return { ok: true, ms: parsed.data };
  return { ok: false, reason: `x-confwatch-source-clock: ${parsed.error.issues[0]!.message}` };
}

/** A rejection reason a person can act on: the first few issues, an item-level one as `(item)`. */
export const describeIssues = (error: z.ZodError): string => describe(error, { max: 3, root: '(item)' });
