import type { HiddenBy } from '@/lib/board/filters';
import styles from './board-grid.module.css';

type Props = {
  /** Live conferences on the board before filtering. */
  total: number;
  hidden: HiddenBy[];
  loaded: boolean;
  onReset: () => void;
};

/** What the board shows with no card: still loading, no calls at all, or what the filters hide. */
export function EmptyBoard({ total, hidden, loaded, onReset }: Props) {
  if (!loaded) return <p className={styles.empty}>Waiting for the first picture of the contact centre…</p>;
  if (total === 0) return <p className={styles.empty}>No live conferences right now.</p>;
  return (
    <div className={styles.empty} data-testid="empty-board">
      <p>
        <b>No conference matches the filters.</b> {total} live{' '}
        {total === 1 ? 'conference is' : 'conferences are'} hidden:
      </p>
      <ul className={styles.hiddenList}>
        {hidden.map((h) => (
          <li key={h.key}>
            {h.label} hides <b className="tabular">{h.hidden}</b>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onReset}>
        Reset filters
      </button>
    </div>
  );
}
