import { formatAge } from '@/lib/board/time';
import { useClientNow } from './use-server-now';
import styles from './connection-status.module.css';

type Status = 'connected' | 'reconnecting' | 'offline';

type Props = {
  status: Status;
  /** This client's clock when the data on screen was last known current (the drop, else the last
   * message); null while there is no data. */
  lastDataAt: number | null;
};

const WORD: Record<Status, string> = { connected: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };

/** Always visible: live, reconnecting or offline, and how old the data on screen is when not live. */
export function ConnectionStatus({ status, lastDataAt }: Props) {
  const now = useClientNow(status !== 'connected');
  const age = status !== 'connected' && lastDataAt !== null && now > 0 ? now - lastDataAt : null;
  const word = status === 'reconnecting' && lastDataAt === null ? 'Connecting…' : WORD[status];
  return (
    <div className={styles.status} data-testid="connection-status" data-status={status} role="status">
      <span className={styles.dot} aria-hidden="true" />
      <span className={styles.word}>{word}</span>
      {age !== null ? <span className={styles.age}>showing data from {formatAge(age)} ago</span> : null}
    </div>
  );
}
