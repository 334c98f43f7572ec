import { useEffect } from 'react';

/** Well within the shortest session (SESSION_MAX_HOURS is at least one hour). */
const RENEW_EVERY_MS = 20 * 60_000;

/**
 * Keeps a kiosk's session (one a `?token=` link made) alive while the wallboard runs: the sidecar
 * extends it by a full session each time, and never extends a person's. A failed renewal (the
 * sidecar restarting) is tried again at the next turn.
 */
export function useKioskRenewal(): void {
  useEffect(() => {
    const renew = () => void fetch('/api/auth/session/renew', { method: 'POST' }).catch(() => undefined);
    renew();
    const timer = setInterval(renew, RENEW_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
}
