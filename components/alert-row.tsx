import Link from 'next/link';
import { memo, useRef } from 'react';
import type { AlertRow as Row } from '@/lib/board/alert-rows';
import { SEVERITY_WORD } from '@/lib/board/labels';
import { formatAge, formatClock } from '@/lib/board/time';
import { SEVERITY_ICON } from './alert-badge';
import { IconCheck } from './icons';
import { useOnScreen } from './on-screen';
import { useServerNow } from './use-server-now';
import styles from './alert-row.module.css';

function Age({ since, live }: { since: string; live: boolean }) {
  const now = useServerNow(live);
  return <span className="tabular">{now === 0 ? '' : `${formatAge(now - Date.parse(since))} ago`}</span>;
}

type Props = {
  row: Row;
  /** The call is not on the board: the filters hide it (the row says so). */
  hidden: boolean;
  pending: boolean;
  error: string | null;
  /** The signed-in role may acknowledge; without it the row has no button. */
  canAcknowledge: boolean;
  onAcknowledge: (row: Row) => void;
};

/**
 * One live alert: what, on which call, since when, and who has acknowledged it. Severity and rule
 * share the first line and the alert's name has a line of its own, so a narrow panel (1280 wide)
 * wraps nothing but a long call name, which is cut with an ellipsis instead.
 */
export const AlertRowItem = memo(function AlertRowItem({
  row,
  hidden,
  pending,
  error,
  canAcknowledge,
  onAcknowledge,
}: Props) {
  const Icon = SEVERITY_ICON[row.severity];
  const ref = useRef<HTMLLIElement>(null);
  const onScreen = useOnScreen(ref);
  return (
    <li
      ref={ref}
      className={styles.row}
      data-alert-row=""
      data-conference-id={row.conferenceId}
      data-alert-kind={row.kind}
      data-severity={row.severity}
      data-acknowledged={row.ack ? 'true' : 'false'}
      data-hidden-call={hidden ? 'true' : undefined}
    >
      <div className={styles.rowHead}>
        <Icon className={styles.rowIcon} />
        <span className={styles.rowSeverity}>{SEVERITY_WORD[row.severity]}</span>
        {hidden ? (
          <span className={styles.hiddenTag} title="The filters keep this call off the board">
            Hidden call
          </span>
        ) : null}
        <span className={styles.rule}>{row.rule}</span>
      </div>
      <span className={styles.rowLabel}>{row.label}</span>
      <Link
        className={styles.rowLink}
        href={`/conferences/${encodeURIComponent(row.conferenceId)}`}
        prefetch={false}
        title={row.conferenceLabel}
      >
        {row.conferenceLabel}
      </Link>
      <div className={styles.rowFoot}>
        <span className={styles.since} title="When the alert was raised, and how long ago">
          <time dateTime={row.since}>{formatClock(row.since)}</time> ·{' '}
          <Age since={row.since} live={onScreen} />
        </span>
        {row.ack || !canAcknowledge ? null : (
          <button
            type="button"
            className={`button ${styles.ackButton}`}
            disabled={pending}
            onClick={() => onAcknowledge(row)}
          >
            {pending ? 'Acknowledging…' : 'Acknowledge'}
          </button>
        )}
      </div>
      {row.ack ? (
        <span className={styles.acked}>
          <IconCheck className={styles.ackIcon} /> Acknowledged by {row.ack.by} at{' '}
          <time dateTime={row.ack.at}>{formatClock(row.ack.at)}</time>
        </span>
      ) : null}
      {error ? (
        <p className={styles.error} role="alert">
          Not acknowledged: {error}
        </p>
      ) : null}
    </li>
  );
});
