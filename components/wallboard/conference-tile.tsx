import { memo } from 'react';
import { layoutParticipants } from '@/lib/board/graph';
import { queueLabel, SEVERITY_RANK } from '@/lib/board/labels';
import type { ConferenceSummary } from '@/lib/realtime';
import { AlertBadge } from '../alert-badge';
import { CapMeter } from '../cap-meter';
import { ContactLensBadge } from '../contact-lens-badge';
import { Elapsed } from '../elapsed';
import { ParticipantGraph } from '../participant-graph';
import { useServerNow } from '../use-server-now';
import styles from './conference-tile.module.css';

function urgencyOf(c: ConferenceSummary): 'critical' | 'warning' | 'normal' {
  if (c.alerts.some((a) => a.severity === 'critical')) return 'critical';
  if (c.activeParticipants >= c.cap || c.alerts.some((a) => a.severity === 'warning')) return 'warning';
  return 'normal';
}

/**
 * A live conference on the wallboard: queue and running time, the cap meter, its alerts (short
 * words, shape and colour) and its compact participant graph, one line per party. Nothing to
 * point at or hover: the names are already as private as the screen asked. Placed by the grid's
 * page (column, row, rows spanned); memoised on the card, which stays the same object while the
 * call does not change.
 */
export const ConferenceTile = memo(function ConferenceTile({
  conference: c,
  column,
  row,
  span,
}: {
  conference: ConferenceSummary;
  column: number;
  row: number;
  span: number;
}) {
  const now = useServerNow(false);
  const layout = layoutParticipants(c.participants, now);
  const alerts = [...c.alerts].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const conflict = c.alerts.some((a) => a.kind === 'contact-lens-conflict');
  return (
    <article
      className={styles.tile}
      style={{ gridColumn: column, gridRow: `${row} / span ${span}` }}
      data-conference-id={c.id}
      data-urgency={urgencyOf(c)}
      data-size={c.activeParticipants}
      aria-label={`${queueLabel(c.queue)}: ${c.activeParticipants} of ${c.cap} parties`}
    >
      <header className={styles.head}>
        <h3 className={styles.queue}>{queueLabel(c.queue)}</h3>
        <span className={styles.elapsed}>
          <Elapsed since={c.startedAt} />
        </span>
      </header>
      <div className={styles.meta}>
        <CapMeter active={c.activeParticipants} cap={c.cap} size="small" />
        {c.contactLens ? <ContactLensBadge conflict={conflict} compact /> : null}
        {alerts.map((a) => (
          <AlertBadge key={a.kind} kind={a.kind} severity={a.severity} compact />
        ))}
      </div>
      <div className={styles.graph}>
        <ParticipantGraph layout={layout} form="rows" />
      </div>
    </article>
  );
});
