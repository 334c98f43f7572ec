import type { Ref } from 'react';
import type { GridSize, Placement } from '@/lib/wallboard/grid-pages';
import { ConferenceTile } from './conference-tile';
import styles from './conference-grid.module.css';

/**
 * One page of the most important live conferences, each tile where the page put it, and which page
 * of how many this is. `size` null: not measured yet (the first frame), nothing drawn.
 */
export function ConferenceGrid({
  page,
  pageIndex,
  pageCount,
  total,
  size,
  gridRef,
}: {
  page: readonly Placement[];
  pageIndex: number;
  pageCount: number;
  total: number;
  size: GridSize | null;
  gridRef: Ref<HTMLDivElement>;
}) {
  return (
    <section className={styles.view} aria-label="Live conferences">
      <header className={styles.head}>
        <h2 className={styles.title}>Live conferences</h2>
        <p className={styles.count} data-testid="grid-count">
          {total === 0 ? 'none right now' : `${total} · most urgent first`}
        </p>
        {pageCount > 1 ? (
          <p className={styles.page} data-testid="grid-page">
            Page {pageIndex + 1} of {pageCount}
          </p>
        ) : null}
      </header>
      <div
        ref={gridRef}
        className={styles.grid}
        style={
          size
            ? {
                gridTemplateColumns: `repeat(${size.columns}, minmax(0, 1fr))`,
                gridTemplateRows: `repeat(${size.rows}, minmax(0, 1fr))`,
              }
            : undefined
        }
      >
        {size
          ? page.map((t) => (
              <ConferenceTile
                key={t.conference.id}
                conference={t.conference}
                column={t.column}
                row={t.row}
                span={t.span}
              />
            ))
          : null}
      </div>
    </section>
  );
}
