import type { LegItem } from '@/lib/board/legs';
import { formatClock } from '@/lib/board/time';
import styles from './contact-tree.module.css';

function Times({ leg }: { leg: LegItem }) {
  const parts: [string, string | null][] = [
    ['started', leg.initiatedAt],
    ['connected', leg.connectedAt],
    ['ended', leg.disconnectedAt],
  ];
  return (
    <span className={styles.legTimes}>
      {parts
        .filter(([, at]) => at !== null)
        .map(([word, at]) => (
          <span key={word}>
            {word} <time dateTime={at!}>{formatClock(at!, true)}</time>
          </span>
        ))}
    </span>
  );
}

function Leg({ leg }: { leg: LegItem }) {
  return (
    <li>
      <div
        className={styles.leg}
        data-contact-id={leg.contactId}
        data-leg-status={leg.status}
        data-leg-label={leg.label ?? ''}
      >
        <div className={styles.legHead}>
          <span className={styles.legMethod}>{leg.methodText}</span>
          <span className={styles.legStatus} data-status={leg.status}>
            {leg.statusText}
          </span>
          {leg.labelText ? <span className={styles.legLabel}>{leg.labelText}</span> : null}
          {leg.contactLens ? <span className={styles.legLens}>Contact Lens on</span> : null}
        </div>
        <div className={styles.legParties}>{leg.parties.join(' · ') || 'No party known on this leg'}</div>
        <div className={styles.legFoot}>
          <code title={leg.contactId}>{leg.contactId}</code>
          <Times leg={leg} />
        </div>
      </div>
      {leg.children.length > 0 ? (
        <ul className={styles.legChildren} aria-label={`Invited from ${leg.contactId}`}>
          {leg.children.map((child) => (
            <Leg key={child.contactId} leg={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * R28: the contact-id tree, each leg under the leg that invited it, with its method, state and
 * times; R29: what it turned out to be (consult, conference, transfer) once it has ended.
 */
export function ContactTree({ root }: { root: LegItem }) {
  return (
    <ul className={styles.tree} data-testid="contact-tree">
      <Leg leg={root} />
    </ul>
  );
}
