import type { CSSProperties } from 'react';
import type { GraphNode } from '@/lib/board/graph';
import { LEAVE_FADE_MS } from '@/lib/board/graph';
import { STATE_WORD } from '@/lib/board/labels';
import { MUTE_WORD } from '@/lib/board/party';
import { Elapsed } from './elapsed';
import {
  IconAgent,
  IconCustomer,
  IconExternal,
  IconLeft,
  IconLock,
  IconMicOff,
  IconPause,
  IconRinging,
  IconStar,
  IconSupervisor,
} from './icons';
import styles from './participant-node.module.css';

const ROLE_ICON = {
  customer: IconCustomer,
  agent: IconAgent,
  external: IconExternal,
  supervisor: IconSupervisor,
} as const;

const ROLE_SHORT = {
  customer: 'Customer',
  agent: 'Agent',
  external: 'External',
  supervisor: 'Supervisor',
} as const;

/**
 * One party: a disc whose outline tells the role (circle customer, rounded square agent, diamond
 * corner external, dashed supervisor), whose colour and corner icon tell the state, and words for
 * both. The whole node is one image with an accessible name; the words repeat it for the eye.
 */
export function ParticipantNode({ node, large = false }: { node: GraphNode; large?: boolean }) {
  const Icon = ROLE_ICON[node.role];
  const muted = node.mute === 'muted' || node.mute === 'forced';
  const style =
    node.fadeLeftMs === null ? undefined : ({ '--fade': node.fadeLeftMs / LEAVE_FADE_MS } as CSSProperties);
  return (
    <div
      role="img"
      aria-label={node.ariaLabel}
      title={node.ariaLabel}
      className={`${styles.node} ${large ? styles.large : ''}`}
      style={style}
      data-participant-id={node.id}
      data-participant-role={node.role}
      data-participant-state={node.state}
      data-muted={node.mute === 'unknown' ? 'unknown' : String(muted)}
      data-primary={String(node.primary)}
      data-ccp-only={node.ccpOnly ? 'true' : undefined}
      data-fading={node.fadeLeftMs === null ? undefined : 'true'}
    >
      <span className={styles.disc} data-role={node.role}>
        {node.state === 'hold' ? (
          <>
            <IconPause className={styles.roleIcon} />
            <span className={`${styles.corner} ${styles.roleCorner}`}>
              <Icon />
            </span>
          </>
        ) : (
          <Icon className={styles.roleIcon} />
        )}
        {node.state === 'dialing' ? (
          <span className={`${styles.corner} ${styles.dialCorner}`}>
            <IconRinging />
          </span>
        ) : null}
        {node.state === 'disconnected' ? (
          <span className={`${styles.corner} ${styles.goneCorner}`}>
            <IconLeft />
          </span>
        ) : null}
        {muted ? (
          <span className={`${styles.corner} ${styles.muteCorner}`}>
            <IconMicOff />
            {node.mute === 'forced' ? <IconLock className={styles.lock} /> : null}
          </span>
        ) : null}
        {node.primary ? (
          <span className={styles.star}>
            <IconStar />
          </span>
        ) : null}
      </span>
      <span className={styles.role}>
        {node.primary ? 'Primary' : ROLE_SHORT[node.role]}
        {node.ccpOnly ? <span className={styles.ccp}>CCP only</span> : null}
      </span>
      <span className={styles.name}>{node.name}</span>
      <span className={styles.state}>
        {node.state === 'dialing' ? 'Dialing…' : STATE_WORD[node.state]}
        {node.holdSince ? (
          <>
            {' '}
            <Elapsed since={node.holdSince} />
          </>
        ) : null}
        {muted ? <span className={styles.muteWord}> · {MUTE_WORD[node.mute]}</span> : null}
      </span>
    </div>
  );
}
