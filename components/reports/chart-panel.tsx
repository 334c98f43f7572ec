import type { ReactNode } from 'react';
import styles from './reports.module.css';

/** What a panel can say instead of its chart. */
export type PanelState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'empty'; message: string }
  | { kind: 'ready' };

const LOADING = 'Loading…';

/**
 * One chart of the report: its title, what its numbers are, the chart, and the table of the same
 * numbers beneath it (folded away until asked for). While loading, empty or refused, it says so
 * in words where the chart would be.
 */
export function ChartPanel(p: {
  id: string;
  title: string;
  explain: string;
  state: PanelState;
  chart: ReactNode;
  /** The numbers as a table, when the chart is not a table itself. */
  table?: ReactNode;
  wide?: boolean;
}) {
  return (
    <section
      className={styles.panel}
      data-wide={p.wide || undefined}
      data-chart={p.id}
      data-state={p.state.kind}
      aria-labelledby={`chart-${p.id}`}
      aria-busy={p.state.kind === 'loading'}
    >
      <h2 id={`chart-${p.id}`} className={styles.panelTitle}>
        {p.title}
      </h2>
      <p className={styles.explain}>{p.explain}</p>
      {p.state.kind === 'ready' ? (
        <>
          <div className={styles.chart}>{p.chart}</div>
          {p.table ? (
            <details className={styles.numbers}>
              <summary>Table of these numbers</summary>
              {p.table}
            </details>
          ) : null}
        </>
      ) : (
        <p
          className={styles.panelNote}
          data-kind={p.state.kind}
          role={p.state.kind === 'error' ? 'alert' : undefined}
        >
          {p.state.kind === 'loading' ? LOADING : p.state.message}
        </p>
      )}
    </section>
  );
}
