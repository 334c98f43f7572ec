import type { z } from 'zod';
import { describeIssues } from '@/server/ingest/timestamps';

/**
 * Why a call to Amazon Connect gave nothing usable. `throttled` (HTTP 429 after the SDK's retries)
 * ends the round; `aborted` means the reconciler is stopping; `malformed` and `failed` concern one
 * request only.
 */
export type ConnectFailure = 'throttled' | 'malformed' | 'failed' | 'aborted';

export class ConnectCallError extends Error {
  constructor(
    readonly operation: string,
    readonly failure: ConnectFailure,
    detail: string,
  ) {
    super(`${operation}: ${failure === 'malformed' ? 'malformed response: ' : ''}${detail}`);
  }
}

type SdkError = Error & { $metadata?: { httpStatusCode?: number } };

/** Sorts an error thrown by `client.send` (or by the wait before it) into a ConnectCallError. */
export function classifySdkError(operation: string, error: unknown, signal: AbortSignal): ConnectCallError {
  const e = (error instanceof Error ? error : new Error(String(error))) as SdkError;
  if (signal.aborted) return new ConnectCallError(operation, 'aborted', 'stopped');
  const status = e.$metadata?.httpStatusCode;
  if (e.name === 'ThrottlingException' || status === 429)
    return new ConnectCallError(operation, 'throttled', e.message);
  // A 2xx the SDK could not deserialize (bad JSON, a timestamp that is not a number).
  if (status !== undefined && status >= 200 && status < 300)
    return new ConnectCallError(operation, 'malformed', firstLine(e.message));
  return new ConnectCallError(operation, 'failed', `${e.name}: ${firstLine(e.message)}`);
}

/** A zod failure on an SDK answer, as a ConnectCallError naming the first offending fields. */
export function malformed(operation: string, error: z.ZodError): ConnectCallError {
  return new ConnectCallError(operation, 'malformed', describeIssues(error));
}

export const isConnectFailure = (error: unknown, failure: ConnectFailure): boolean =>
  error instanceof ConnectCallError && error.failure === failure;

const firstLine = (message: string) => message.split('\n')[0]!.trim();
