import { z } from 'zod';

/** An ISO-8601 timestamp (as Connect sends them) turned into epoch milliseconds, or a clear error. */
export const IsoTimestampSchema = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const ms = Date.parse(value);
    if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
      ctx.addIssue({ code: 'custom', message: `not an ISO-8601 timestamp: ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return ms;
  });

/** The agent event stream sends ISO strings; GetCurrentUserData-style payloads may send epoch numbers. */
export const FlexibleTimestampSchema = z.union([IsoTimestampSchema, z.number().int().nonnegative()]);

/** "path.to.field: message" for the first few issues, for a rejection reason a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(item)'}: ${issue.message}`)
    .join('; ');
}
