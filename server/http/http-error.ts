import type { z } from 'zod';
import { describeIssues } from '@/lib/realtime/describe-issues';

/** A request refused with a status and a reason a person can act on (answered as `{ error }`). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses `value` with `schema` or refuses the request with 400 naming each bad field. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, `bad ${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
