import styles from './pager.module.css';

/** Newer and older pages of a newest-first list, and where in it the reader is. */
export function Pager(p: {
  page: number;
  hasNewer: boolean;
  hasOlder: boolean;
  busy: boolean;
  onNewer: () => void;
  onOlder: () => void;
}) {
  return (
    <nav className={styles.pager} aria-label="Pages">
      <button type="button" className="button" disabled={!p.hasNewer || p.busy} onClick={p.onNewer}>
        ← Newer
      </button>
      <span className={styles.where} aria-live="polite">
        Page {p.page}
      </span>
      <button type="button" className="button" disabled={!p.hasOlder || p.busy} onClick={p.onOlder}>
        Older →
      </button>
    </nav>
  );
}
