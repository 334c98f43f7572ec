import { formatClock } from '@/lib/board/time';
import { IconWarning } from '../icons';
import styles from './stale-banner.module.css';

/**
 * Over the dimmed last picture while the sidecar cannot be reached: since when the data is stale,
 * by this screen's clock, in words and with the warning shape. Gone as soon as data flows again.
 */
export function StaleBanner({ since }: { since: number }) {
  return (
    <div className={styles.banner} role="alert" data-testid="stale-banner">
      <IconWarning className={styles.icon} />
      <p className={styles.text}>
        <span className={styles.main}>Data stale since {formatClock(since, true)}</span>
        <span className={styles.sub}>The wallboard reconnects by itself</span>
      </p>
    </div>
  );
}
