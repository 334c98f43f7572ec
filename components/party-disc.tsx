import type { GraphNode } from '@/lib/board/graph';
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
import styles from './party-disc.module.css';

const ROLE_ICON = {
  customer: IconCustomer,
  agent: IconAgent,
  external: IconExternal,
  supervisor: IconSupervisor,
} as const;

/** The disc: outline for the role, colour and icons for the state, corner marks for the rest. */
export function PartyDisc({ node, className = '' }: { node: GraphNode; className?: string }) {
  const Icon = ROLE_ICON[node.role];
  return (
    <span
      className={`${styles.disc} ${className}`}
      data-role={node.role}
      data-state={node.state}
      data-ccp-only={node.ccpOnly ? 'true' : undefined}
    >
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
      {node.mute === 'muted' || node.mute === 'forced' ? (
        <span className={`${styles.corner} ${styles.muteCorner}`} data-forced={node.mute === 'forced'}>
          {node.mute === 'forced' ? <IconLock /> : <IconMicOff />}
        </span>
      ) : null}
      {node.primary ? (
        <span className={styles.star}>
          <IconStar />
        </span>
      ) : null}
    </span>
  );
}
