import type { CSSProperties } from 'react';
import type { GraphLayout, GraphNode } from '@/lib/board/graph';
import { ParticipantNode, type NodeVariant } from './participant-node';
import styles from './participant-graph.module.css';

/**
 * `tree`: the customer on top, a line down to the bridge and the counted parties hanging from it
 * in one row; `rows`: one line per party under the customer, on a rail (the compact board).
 */
export type GraphForm = 'tree' | 'rows';

function Slots(p: { nodes: GraphNode[]; variant: NodeVariant; className?: string; label: string }) {
  const count = p.nodes.length;
  return (
    <ul
      className={p.className}
      aria-label={p.label}
      data-count={count}
      style={{ '--cols': Math.max(1, Math.min(count, 6)) } as CSSProperties}
    >
      {p.nodes.map((node) => (
        <li key={node.id} className={styles.slot} data-state={node.state}>
          <ParticipantNode node={node} variant={p.variant} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A conference as a picture: the customer on top (R22), the counted parties under it (a held
 * party's line is broken, a dialed one's dotted), and the monitoring supervisors apart in a dashed
 * box that says they are not counted (R2). Parties that have left are listed last when the layout
 * keeps them apart (the detail page). `large` is the detail page's size.
 */
export function ParticipantGraph({
  layout,
  form = 'tree',
  large = false,
}: {
  layout: GraphLayout;
  form?: GraphForm;
  large?: boolean;
}) {
  const { customer, parties, supervisors, gone } = layout;
  const rows = form === 'rows';
  const partyVariant: NodeVariant = rows ? 'row' : 'column';
  const asideVariant: NodeVariant = rows ? 'row' : 'inline';
  return (
    <div className={styles.graph} data-form={form} data-large={large || undefined}>
      {customer ? (
        <Slots
          nodes={[customer]}
          variant={rows ? 'row' : large ? 'column' : 'inline'}
          className={styles.top}
          label="Customer"
        />
      ) : (
        <p className={styles.noCustomer}>Customer not on the call</p>
      )}
      {parties.length > 0 ? (
        <Slots nodes={parties} variant={partyVariant} className={styles.parties} label="On the call" />
      ) : null}
      {supervisors.length > 0 ? (
        <div className={styles.monitors}>
          <span className={styles.monitorsLabel}>Monitoring · not counted</span>
          <Slots
            nodes={supervisors}
            variant={asideVariant}
            className={styles.asideList}
            label="Supervisors, not counted"
          />
        </div>
      ) : null}
      {gone.length > 0 ? (
        <div className={`${styles.monitors} ${styles.gone}`}>
          <span className={styles.monitorsLabel}>Left the call</span>
          <Slots nodes={gone} variant={asideVariant} className={styles.asideList} label="Left the call" />
        </div>
      ) : null}
    </div>
  );
}
