import Link from 'next/link';
import { memo, useRef } from 'react';
import { hasFadingParty, layoutParticipants } from '@/lib/board/graph';
import { queueLabel, SEVERITY_RANK } from '@/lib/board/labels';
import type { ConferenceSummary } from '@/lib/realtime';
import { AlertBadge } from './alert-badge';
import { ContactLensBadge } from './contact-lens-badge';
import { Tag } from './tag';
import { CapMeter } from './cap-meter';
import { Elapsed } from './elapsed';
import { TickContext, useOnScreen } from './on-screen';
import { ParticipantGraph } from './participant-graph';
import { useServerNow } from './use-server-now';
import styles from './conference-card.module.css';

function urgencyOf(c: ConferenceSummary): string {
  if (c.state === 'ended') return 'ended';
  if (c.alerts.some((a) => a.severity === 'critical')) return 'critical';
  if (c.activeParticipants >= c.cap || c.alerts.some((a) => a.severity === 'warning')) return 'warning';
  return 'normal';
}

/**
 * One live conference on the board: queue and running time, cap meter, alerts, and its
 * participant graph. Memoised on the conference object, which the shared reducer keeps for calls
 * that did not change; it re-renders each second only while a party that left is fading out, and
 * its running times tick only while it is on screen.
 */
export const ConferenceCard = memo(function ConferenceCard({
  conference: c,
}: {
  conference: ConferenceSummary;
}) {
  const ref = useRef<HTMLElement>(null);
  const onScreen = useOnScreen(ref);
  const glance = useServerNow(false);
  const fading = c.state === 'active' && hasFadingParty(c.participants, glance);
  const now = useServerNow(fading && onScreen);
  const layout = layoutParticipants(c.participants, now, { gone: c.state === 'ended' ? 'inline' : 'hide' });
  const alerts = [...c.alerts].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const customer = layout.customer?.name ?? 'no customer';
  return (
    <TickContext value={onScreen}>
      <article
        ref={ref}
        className={styles.card}
        data-conference-id={c.id}
        data-urgency={urgencyOf(c)}
        data-state={c.state}
      >
        <header className={styles.head}>
          <h2 className={styles.title}>
            <Link href={`/conferences/${encodeURIComponent(c.id)}`} className={styles.link} prefetch={false}>
              {queueLabel(c.queue)}
              <span className="visually-hidden">
                {`: conference with ${customer}, ${c.activeParticipants} of ${c.cap} parties${c.state === 'ended' ? ', ended' : ''}`}
              </span>
            </Link>
          </h2>
          <span className={styles.duration} title="Running time">
            <Elapsed since={c.startedAt} until={c.endedAt} />
          </span>
        </header>
        <div className={styles.meta}>
          <CapMeter active={c.activeParticipants} cap={c.cap} />
          {c.mode === 'three-party' ? <Tag>Three-party mode</Tag> : null}
          {c.contactLens ? (
            <ContactLensBadge conflict={c.alerts.some((a) => a.kind === 'contact-lens-conflict')} />
          ) : null}
          {c.state === 'ended' ? <Tag tone="ended">Ended</Tag> : null}
        </div>
        {alerts.length > 0 ? (
          <ul className={styles.alerts} aria-label="Alerts">
            {alerts.map((a) => (
              <li key={a.kind}>
                <AlertBadge kind={a.kind} severity={a.severity} />
              </li>
            ))}
          </ul>
        ) : null}
        <ParticipantGraph layout={layout} />
        <footer className={styles.foot}>
          <span title={c.id}>Contact {c.id.slice(0, 8)}</span>
        </footer>
      </article>
    </TickContext>
  );
});
