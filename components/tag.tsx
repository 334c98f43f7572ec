import styles from './badges.module.css';

/** A plain tag, e.g. the mode of a three-party call or "Ended". */
export function Tag({ children, tone = 'neutral' }: { children: string; tone?: 'neutral' | 'ended' }) {
  return (
    <span className={styles.tag} data-tone={tone}>
      {children}
    </span>
  );
}
