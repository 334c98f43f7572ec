import { memo, type CSSProperties } from 'react';
import type { Kpi } from '@/lib/wallboard/kpis';
import { describeBound, type Bound, type Level } from '@/lib/wallboard/thresholds';
import { formatDuration } from '@/lib/board/time';
import { IconCritical, IconWarning } from '../icons';
import styles from './kpi-tile.module.css';

const LEVEL_WORD = { warning: 'Warning', critical: 'Critical' } as const;
const LEVEL_ICON = { warning: IconWarning, critical: IconCritical } as const;

/** A bound as the tile says it: a hold in minutes and seconds, every other figure as a count. */
const boundText = (kpi: Kpi, bound: Bound) =>
  describeBound(bound, kpi.name === 'longest-hold' ? (s) => formatDuration(s * 1000) : String);

/**
 * One figure, big enough to read across the room: its label, the figure (the element carrying
 * `data-kpi`, whose text is exactly what is shown) and, when a threshold is crossed, the level in
 * colour, shape (triangle or octagon) and word with the bound it crossed; never colour alone.
 */
export const KpiTile = memo(function KpiTile({
  kpi,
  level,
  bound,
  area,
}: {
  kpi: Kpi;
  level: Level;
  /** The bound that was crossed (undefined while normal). */
  bound?: Bound;
  /** The grid area the screen's layout gives this figure. */
  area: string;
}) {
  const Icon = level === 'normal' ? null : LEVEL_ICON[level];
  return (
    <section
      className={styles.tile}
      style={{ gridArea: area }}
      data-level={level}
      data-kpi-tile={kpi.name}
      aria-label={`${kpi.label}: ${kpi.text}${level === 'normal' ? '' : `, ${LEVEL_WORD[level]}`}`}
    >
      <h2 className={styles.label}>{kpi.label}</h2>
      <p
        className={styles.figure}
        data-kpi={kpi.name}
        data-none={kpi.value === null || undefined}
        style={{ '--chars': Math.max(2, kpi.text.length) } as CSSProperties}
      >
        {kpi.text}
      </p>
      {Icon && bound ? (
        <p className={styles.level} data-threshold={level}>
          <Icon className={styles.icon} />
          <span>{LEVEL_WORD[level as 'warning' | 'critical']}</span>
          <span className={styles.bound}>{boundText(kpi, bound)}</span>
        </p>
      ) : kpi.note ? (
        <p className={styles.note}>{kpi.note}</p>
      ) : null}
    </section>
  );
});
