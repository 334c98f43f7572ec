import { useEffect, useState } from 'react';
import type { Connection } from '../_live/connection';

/** A dropped connection shorter than this (a reconnect, a renewed session) does not dim the screen. */
export const STALE_AFTER_MS = 2_000;

/**
 * Since when the data on screen is stale (this client's clock), or null while it flows: the socket
 * has been down for more than a moment after the screen had data. It clears as soon as the
 * connection is back (a fresh snapshot comes with it).
 */
export function useStaleSince(connection: Connection, hasData: boolean): number | null {
  const [staleFrom, setStaleFrom] = useState<number | null>(null);
  const downSince = hasData && connection.status !== 'connected' ? connection.downSince : null;
  useEffect(() => {
    if (downSince === null) return;
    const timer = setTimeout(() => setStaleFrom(downSince), STALE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [downSince]);
  return downSince !== null && staleFrom === downSince ? downSince : null;
}
