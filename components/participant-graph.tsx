import type { CSSProperties } from 'react';
import type { GraphLayout } from '@/lib/board/graph';
import { ParticipantNode } from './participant-node';
import styles from './participant-graph.module.css';

/**
 * A conference as a picture: the customer on top (R22), a line down to the bridge, the counted
 * parties hanging from it (a held party's line is broken, a dialed one's dotted), and the
 * monitoring supervisors apart in a dashed box that says they are not counted (R2). Parties that
 * have left are listed last when the layout keeps them apart (the detail page).
 */
export function ParticipantGraph({ layout, large = false }: { layout: GraphLayout; large?: boolean }) {
  const { customer, parties, supervisors, gone } = layout;
  return (
    <div className={`${styles.graph} ${large ? styles.graphLarge : ''}`}>
      {customer ? (
        <ul className={styles.top} aria-label="Customer">
          <li className={styles.slot} data-state={customer.state}>
            <ParticipantNode node={customer} large={large} />
          </li>
        </ul>
      ) : (
        <p className={styles.noCustomer}>Customer not on the call</p>
      )}
      {parties.length > 0 ? (
        <ul
          className={styles.parties}
          aria-label="On the call"
          data-count={parties.length}
          style={{ '--cols': Math.min(parties.length, large ? 6 : 5) } as CSSProperties}
        >
          {parties.map((node) => (
            <li key={node.id} className={styles.slot} data-state={node.state}>
              <ParticipantNode node={node} large={large} />
            </li>
          ))}
        </ul>
      ) : null}
      {supervisors.length > 0 ? (
        <div className={styles.monitors}>
          <span className={styles.monitorsLabel}>Monitoring · not counted</span>
          <ul aria-label="Supervisors, not counted">
            {supervisors.map((node) => (
              <li key={node.id}>
                <ParticipantNode node={node} large={large} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {gone.length > 0 ? (
        <div className={`${styles.monitors} ${styles.gone}`}>
          <span className={styles.monitorsLabel}>Left the call</span>
          <ul aria-label="Left the call">
            {gone.map((node) => (
              <li key={node.id}>
                <ParticipantNode node={node} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
