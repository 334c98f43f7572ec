import type { GraphNode } from '@/lib/board/graph';
import { STATE_WORD } from '@/lib/board/labels';
import { MUTE_WORD } from '@/lib/board/party';
import { Elapsed } from './elapsed';
import { IconLeft, IconLock, IconMicOff, IconPause, IconRinging } from './icons';
import styles from './party-chips.module.css';

/** The states other than connected carry an icon of their own (connected is the green disc alone). */
const STATE_ICON = {
  connected: null,
  hold: IconPause,
  dialing: IconRinging,
  disconnected: IconLeft,
} as const;

/**
 * A party's state and mute as chips: each with its own icon, colour and word (and the hold's
 * running time), each on a line of its own so no word runs into another. `quiet` leaves out the
 * chip of the usual state, connected (the compact board: its green disc says it, the row stays
 * free for the name, and what is unusual stands out); the accessible name still says it.
 */
export function PartyChips({
  node,
  quiet = false,
  className = '',
}: {
  node: GraphNode;
  quiet?: boolean;
  className?: string;
}) {
  const StateIcon = STATE_ICON[node.state];
  const muted = node.mute === 'muted' || node.mute === 'forced';
  if (quiet && node.state === 'connected' && !muted) return null;
  return (
    <span className={`${styles.chips} ${className}`}>
      {quiet && node.state === 'connected' ? null : (
        <span className={styles.chip} data-chip={node.state}>
          <span className={styles.word}>
            {StateIcon ? <StateIcon className={styles.icon} /> : null}
            {STATE_WORD[node.state]}
          </span>
          {node.holdSince ? (
            <span className={styles.time}>
              <Elapsed since={node.holdSince} />
            </span>
          ) : null}
        </span>
      )}
      {muted ? (
        <span className={styles.chip} data-chip={node.mute}>
          <span className={styles.word}>
            {node.mute === 'forced' ? (
              <IconLock className={styles.icon} />
            ) : (
              <IconMicOff className={styles.icon} />
            )}
            {MUTE_WORD[node.mute]}
          </span>
        </span>
      ) : null}
    </span>
  );
}
