import { createContext, useContext } from 'react';
import { formatDuration } from '@/lib/board/time';
import { TickContext } from './on-screen';
import { useServerNow } from './use-server-now';

/**
 * A page that draws a past moment (the replay) pins the time running lengths are measured to;
 * elsewhere it is null and they run on the page's ticker.
 */
export const PinnedMomentContext = createContext<number | null>(null);

/**
 * A running length (`12:34`) on the page's one ticker; stops at `until` once the call has ended.
 * Only this leaf re-renders each second, never the card around it, and only while on screen.
 */
export function Elapsed({ since, until = null }: { since: string; until?: string | null }) {
  const ticking = useContext(TickContext);
  const pinned = useContext(PinnedMomentContext);
  const ticker = useServerNow(until === null && pinned === null && ticking);
  const now = pinned ?? ticker;
  const end = until === null ? now : Date.parse(until);
  return (
    <time className="tabular" dateTime={since}>
      {now === 0 && until === null ? '–:––' : formatDuration(end - Date.parse(since))}
    </time>
  );
}
