import type { Reconciliation } from '@/server/hub/hub';
import type { ConnectApi } from './connect-api';
import { isConnectFailure } from './connect-error';

/** The `source` the hub logs reconciliation events under. */
export const RECONCILE_SOURCE = 'reconcile';

/** What one reconcile round works with. */
export type RoundContext = {
  api: ConnectApi;
  hub: Pick<Reconciliation, 'ingestEvents'>;
  now: () => number;
  /** Logs a failure that spoils part of the round (one request, one agent) but not the rest. */
  report: (message: string) => void;
  /** What was last fed back per agent: an unchanged snapshot says nothing new and is not sent again. */
  lastSent: Map<string, string>;
};

/** Throttling ends the round (back off); stopping ends it too. Anything else spoils one request. */
export function endsRound(error: unknown): boolean {
  return isConnectFailure(error, 'throttled') || isConnectFailure(error, 'aborted');
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
