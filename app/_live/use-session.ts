import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SessionInfo } from '@/lib/realtime';
import { sessionQuery } from './queries';

/** Sends the browser to the sign-in page, coming back here afterwards. */
export function goToSignIn(): void {
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

/** Who is signed in, and sign-out (which ends the session on the server, then shows the sign-in page). */
export function useSession(): { session: SessionInfo | null | undefined; signOut: () => void } {
  const { data } = useQuery(sessionQuery());
  const signOut = useCallback(() => {
    void fetch('/api/auth/logout', { method: 'POST' }).finally(() => window.location.assign('/login'));
  }, []);
  return { session: data, signOut };
}
