import type { EmptyState } from '@/lib/board/counts';
import type { HiddenBy } from '@/lib/board/filters';
import styles from './board-grid.module.css';

type Props = {
  /** What to say (`describeEmpty`): loading, a quiet centre, or what the filters hide. */
  state: EmptyState;
  hidden: HiddenBy[];
  onReset: () => void;
};

/** What the board shows with no card: still loading, no calls at all, or what the filters hide. */
export function EmptyBoard({ state, hidden, onReset }: Props) {
  if (state.kind !== 'filtered') return <p className={styles.empty}>{state.text}</p>;
  return (
    <div className={styles.empty} data-testid="empty-board">
      <p>
        <b>No conference matches the filters.</b> {state.text}
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
