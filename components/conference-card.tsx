import Link from 'next/link';
import { memo, useRef } from 'react';
import type { BoardDensity } from '@/lib/board/filters';
import { hasFadingParty, layoutParticipants } from '@/lib/board/graph';
import { queueLabel, SEVERITY_RANK } from '@/lib/board/labels';
import type { ConferenceSummary } from '@/lib/realtime';
import { AlertBadge } from './alert-badge';
import { CapMeter } from './cap-meter';
import { ContactLensBadge } from './contact-lens-badge';
import { Elapsed } from './elapsed';
import { TickContext, useOnScreen } from './on-screen';
import { ParticipantGraph } from './participant-graph';
import { Tag } from './tag';
import { useServerNow } from './use-server-now';
import styles from './conference-card.module.css';

function urgencyOf(c: ConferenceSummary): string {
  if (c.state === 'ended') return 'ended';
  if (c.alerts.some((a) => a.severity === 'critical')) return 'critical';
  if (c.activeParticipants >= c.cap || c.alerts.some((a) => a.severity === 'warning')) return 'warning';
  return 'normal';
}

/**
 * Parties under the customer from which a card is big: a comfortable card then takes two grid
 * columns (its parties stay in one row), a compact one two grid rows (its neighbours stack beside it).
 */
const BIG_FROM = 4;

/**
 * One live conference on the board: queue and running time, cap meter, alerts, and its
 * participant graph; `compact` draws one line per party and short badges, to fit more cards on a
 * screen. A card with five or six parties is big: two grid columns wide when comfortable (where
 * the grid has them), so its parties stay in one readable row; two grid rows tall when compact.
 * Memoised on the conference object, which the
 * shared reducer keeps for calls that did not change; it re-renders each second only while a
 * party that left is fading out, and its running times tick only while it is on screen.
 */
export const ConferenceCard = memo(function ConferenceCard({
  conference: c,
  density = 'comfortable',
}: {
  conference: ConferenceSummary;
  density?: BoardDensity;
}) {
  const ref = useRef<HTMLElement>(null);
  const onScreen = useOnScreen(ref);
  const glance = useServerNow(false);
  const fading = c.state === 'active' && hasFadingParty(c.participants, glance);
  const now = useServerNow(fading && onScreen);
  const layout = layoutParticipants(c.participants, now, { gone: c.state === 'ended' ? 'inline' : 'hide' });
  const alerts = [...c.alerts].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const customer = layout.customer?.name ?? 'no customer';
  const compact = density === 'compact';
  const queue = queueLabel(c.queue);
  const conflict = c.alerts.some((a) => a.kind === 'contact-lens-conflict');
  const tags = (
    <>
      {c.mode === 'three-party' ? <Tag>{compact ? '3-party' : 'Three-party mode'}</Tag> : null}
      {c.contactLens ? <ContactLensBadge conflict={conflict} compact={compact} /> : null}
      {c.state === 'ended' ? <Tag tone="ended">Ended</Tag> : null}
    </>
  );
  const badges =
    alerts.length > 0 ? (
      <ul className={styles.alerts} aria-label="Alerts">
        {alerts.map((a) => (
          <li key={a.kind}>
            <AlertBadge kind={a.kind} severity={a.severity} compact={compact} />
          </li>
        ))}
      </ul>
    ) : null;
  return (
    <TickContext value={onScreen}>
      <article
        ref={ref}
        className={styles.card}
        data-conference-id={c.id}
        data-urgency={urgencyOf(c)}
        data-state={c.state}
        data-density={density}
        data-size={c.activeParticipants}
        data-big={layout.parties.length >= BIG_FROM ? 'true' : undefined}
      >
        <header className={styles.head}>
          <h2 className={styles.title} title={queue}>
            {/* The name in a label, not in hidden text: hidden text past a cut title would stick out of the card. */}
            <Link
              href={`/conferences/${encodeURIComponent(c.id)}`}
              className={styles.link}
              prefetch={false}
              aria-label={`${queue}: conference with ${customer}, ${c.activeParticipants} of ${c.cap} parties${c.state === 'ended' ? ', ended' : ''}`}
            >
              {queue}
            </Link>
          </h2>
          <span className={styles.duration} title="Running time">
            <Elapsed since={c.startedAt} until={c.endedAt} />
          </span>
        </header>
        <div className={styles.meta}>
          <CapMeter active={c.activeParticipants} cap={c.cap} size={compact ? 'small' : 'normal'} />
          {tags}
          {badges}
        </div>
        <ParticipantGraph layout={layout} form={compact ? 'rows' : 'tree'} />
        {compact ? null : (
          <footer className={styles.foot}>
            <span title={c.id}>Contact {c.id.slice(0, 8)}</span>
          </footer>
        )}
      </article>
    </TickContext>
  );
});
