import styles from './badges.module.css';

/** R26: Contact Lens is on for a leg of this call; `conflict` while its A2 alert stands (3 or more parties). */
export function ContactLensBadge({ conflict }: { conflict: boolean }) {
  return (
    <span
      className={styles.lens}
      data-testid="contact-lens-badge"
      data-conflict={conflict}
      title={
        conflict
          ? 'Contact Lens is on with 3 or more parties: transcripts and analytics degrade (R26)'
          : 'Contact Lens is on for this call'
      }
    >
      <span aria-hidden="true" className={styles.lensMark}>
        CL
      </span>
      Contact Lens on
    </span>
  );
}
