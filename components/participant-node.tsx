import { Fragment, type CSSProperties } from 'react';
import type { GraphNode } from '@/lib/board/graph';
import { LEAVE_FADE_MS } from '@/lib/board/graph';
import { PartyChips } from './party-chips';
import { PartyDisc } from './party-disc';
import styles from './participant-node.module.css';

const ROLE_SHORT = {
  customer: 'Customer',
  agent: 'Agent',
  external: 'External',
  supervisor: 'Supervisor',
} as const;

/**
 * How a node is drawn: `column` (disc over words, a party under the bridge), `inline` (disc beside
 * the words: the customer on top, supervisors) or `row` (one line per party, the compact board).
 */
export type NodeVariant = 'column' | 'inline' | 'row';

/** The name on one line, cut with an ellipsis; a number in its groups, wrapping only between them. */
function Who({ node }: { node: GraphNode }) {
  if (node.phone)
    return (
      <span className={styles.phone} data-phone="">
        {node.phone.map((group, i) => (
          <Fragment key={i}>
            {i > 0 ? ' ' : null}
            <span className={styles.group}>{group}</span>
          </Fragment>
        ))}
      </span>
    );
  return <span className={styles.name}>{node.name}</span>;
}

/**
 * One party: a disc whose outline tells the role (circle customer, rounded square agent, cut
 * corner external, dashed supervisor), whose colour and corner icon tell the state, and chips
 * that say the state and the mute in words. The whole node is one image with an accessible name
 * and the same words as its title, so a name cut short can be read in full on hover.
 */
export function ParticipantNode({ node, variant = 'column' }: { node: GraphNode; variant?: NodeVariant }) {
  const muted = node.mute === 'muted' || node.mute === 'forced';
  const style =
    node.fadeLeftMs === null ? undefined : ({ '--fade': node.fadeLeftMs / LEAVE_FADE_MS } as CSSProperties);
  return (
    <div
      role="img"
      aria-label={node.ariaLabel}
      title={node.title}
      className={styles.node}
      style={style}
      data-variant={variant}
      data-participant-id={node.id}
      data-participant-role={node.role}
      data-participant-state={node.state}
      data-muted={node.mute === 'unknown' ? 'unknown' : String(muted)}
      data-primary={String(node.primary)}
      data-ccp-only={node.ccpOnly ? 'true' : undefined}
      data-fading={node.fadeLeftMs === null ? undefined : 'true'}
    >
      <PartyDisc node={node} className={styles.disc} />
      <span className={styles.who}>
        <span className={styles.role}>
          {node.primary ? 'Primary' : ROLE_SHORT[node.role]}
          {node.ccpOnly ? <span className={styles.ccp}>CCP only</span> : null}
        </span>
        <Who node={node} />
      </span>
      <PartyChips node={node} quiet={variant === 'row'} className={styles.chips} />
    </div>
  );
}
