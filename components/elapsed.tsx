import { useContext } from 'react';
import { formatDuration } from '@/lib/board/time';
import { TickContext } from './on-screen';
import { useServerNow } from './use-server-now';

/**
 * A running length (`12:34`) on the page's one ticker; stops at `until` once the call has ended.
 * Only this leaf re-renders each second, never the card around it, and only while on screen.
 */
export function Elapsed({ since, until = null }: { since: string; until?: string | null }) {
  const ticking = useContext(TickContext);
  const now = useServerNow(until === null && ticking);
  const end = until === null ? now : Date.parse(until);
  return (
    <time className="tabular" dateTime={since}>
      {now === 0 && until === null ? '–:––' : formatDuration(end - Date.parse(since))}
    </time>
  );
}
