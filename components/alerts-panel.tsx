import type { AlertRow } from '@/lib/board/alert-rows';
import { AlertRowItem } from './alert-row';
import { IconBell, IconSpeaker } from './icons';
import styles from './alerts-panel.module.css';

export type AlertSignalControls = {
  sound: boolean;
  toggleSound: () => void;
  notifications: NotificationPermission | 'unsupported';
  enableNotifications: () => void;
};

type Props = {
  rows: readonly AlertRow[];
  /** Conferences the filters keep off the board: their rows say so, and can be shown. */
  hiddenCalls: ReadonlySet<string>;
  onShowHidden: () => void;
  /** The signed-in role may acknowledge; otherwise the rows are read-only. */
  canAcknowledge: boolean;
  pending: ReadonlySet<string>;
  errors: Readonly<Record<string, string>>;
  signals: AlertSignalControls;
  onAcknowledge: (row: AlertRow) => void;
};

const NOTIFY_TEXT = {
  default: 'Notify me',
  granted: 'Notifications on',
  denied: 'Notifications blocked',
  unsupported: 'No notifications here',
} as const;

/**
 * Live alerts by severity then age, each with its call, its age and Acknowledge. Every alert is
 * listed, whatever the filters hide (a long hold on a hidden two-party call still matters); the
 * ones on hidden calls are marked, counted in the head, and a button widens the filters to show them.
 */
export function AlertsPanel(p: Props) {
  const unacked = p.rows.filter((r) => !r.ack).length;
  const onHidden = p.rows.filter((r) => p.hiddenCalls.has(r.conferenceId)).length;
  return (
    <aside className={styles.panel} data-testid="alerts-panel" aria-labelledby="alerts-heading">
      <div className={styles.head}>
        <h2 id="alerts-heading">
          Alerts <span className={styles.count}>{p.rows.length}</span>
        </h2>
        <span className={styles.unacked}>{unacked} not acknowledged</span>
      </div>
      {onHidden > 0 ? (
        <p className={styles.hiddenLine} data-testid="alerts-hidden">
          <span>{onHidden === 1 ? '1 on a hidden call' : `${onHidden} on hidden calls`}</span>
          <button type="button" className={styles.linkButton} onClick={p.onShowHidden}>
            Show on board
          </button>
        </p>
      ) : null}
      <div className={styles.controls}>
        <button
          type="button"
          className="button"
          aria-pressed={p.signals.sound}
          onClick={p.signals.toggleSound}
        >
          <IconSpeaker off={!p.signals.sound} /> Sound {p.signals.sound ? 'on' : 'off'}
        </button>
        <button
          type="button"
          className="button"
          onClick={p.signals.enableNotifications}
          disabled={p.signals.notifications !== 'default'}
          title="Browser notifications for new critical alerts"
        >
          <IconBell /> {NOTIFY_TEXT[p.signals.notifications]}
        </button>
      </div>
      {p.rows.length === 0 ? (
        <p className={styles.empty}>No live alerts.</p>
      ) : (
        <ol className={styles.list}>
          {p.rows.map((row) => (
            <AlertRowItem
              key={row.key}
              row={row}
              hidden={p.hiddenCalls.has(row.conferenceId)}
              pending={p.pending.has(row.key)}
              error={p.errors[row.key] ?? null}
              canAcknowledge={p.canAcknowledge}
              onAcknowledge={p.onAcknowledge}
            />
          ))}
        </ol>
      )}
    </aside>
  );
}
