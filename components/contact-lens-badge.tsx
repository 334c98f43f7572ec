import styles from './badges.module.css';

/**
 * R26: Contact Lens is on for a leg of this call; `conflict` while its A2 alert stands (3 or more
 * parties). `compact` shows the mark alone (the words stay for screen readers and in the title).
 */
export function ContactLensBadge({ conflict, compact = false }: { conflict: boolean; compact?: boolean }) {
  return (
    <span
      className={styles.lens}
      data-testid="contact-lens-badge"
      data-conflict={conflict}
      data-compact={compact || undefined}
      title={
        conflict
          ? 'Contact Lens is on with 3 or more parties: transcripts and analytics degrade (R26)'
          : 'Contact Lens is on for this call'
      }
    >
      <span aria-hidden="true" className={styles.lensMark}>
        CL
      </span>
      <span className={compact ? 'visually-hidden' : undefined}>Contact Lens on</span>
    </span>
  );
}
