import { z } from 'zod';
import { describeIssues } from './errors';

/**
 * An integer column as a driver returns it: better-sqlite3 gives numbers, pg gives BIGINT and
 * COUNT as strings (they may exceed 2^53; ours never do, which this checks).
 */
export const dbInteger = z
  .union([z.number(), z.string().regex(/^-?\d+$/), z.bigint()])
  .transform((v) => Number(v))
  .refine(Number.isSafeInteger, 'Not a safe integer');

export const CountRowSchema = z.object({ n: dbInteger });

/** Parses a JSON column, returning the reason instead of throwing so callers can name the row. */
export function parseJsonColumn<T>(
  schema: z.ZodType<T>,
  text: unknown,
): { ok: true; value: T } | { ok: false; reason: string } {
  if (typeof text !== 'string') return { ok: false, reason: `expected JSON text, got ${typeof text}` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `invalid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, reason: describeIssues(result.error) };
}
