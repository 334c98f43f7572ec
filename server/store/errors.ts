import type { z } from 'zod';
import { describeIssues } from '@/lib/realtime/describe-issues';
import type { LoggedEvent } from './store';

/** A caller handed the store something it will not write or cannot answer. */
export class StoreInputError extends Error {
  override name = 'StoreInputError';
}

/**
 * An event log row that does not hold a valid domain event. It carries the rows of the same page
 * that came before it, so a restore can apply them, report the bad seq and continue after it, and
 * the conference the row was filed under where that much can be read (`undefined` if not, or none).
 */
export class CorruptEventRowError extends Error {
  override name = 'CorruptEventRowError';
  constructor(
    readonly seq: number,
    readonly reason: string,
    readonly precedingRows: readonly LoggedEvent[],
    readonly rootId?: string,
  ) {
    super(`event log row seq ${seq} is corrupt: ${reason}`);
  }
}

/** A history or acknowledgement row that does not hold what the store wrote. */
export class CorruptRowError extends Error {
  override name = 'CorruptRowError';
  constructor(
    readonly table: string,
    readonly key: string,
    readonly reason: string,
  ) {
    super(`${table} row ${key} is corrupt: ${reason}`);
  }
}

export { describeIssues };

/** Parses `value` with `schema`, or throws a `StoreInputError` that says which call and which input. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoreInputError(`${what}: ${describeIssues(result.error)}`);
  return result.data;
}
