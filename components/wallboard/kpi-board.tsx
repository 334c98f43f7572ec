import type { Kpi } from '@/lib/wallboard/kpis';
import type { Bound, KpiName, Level } from '@/lib/wallboard/thresholds';
import { KpiTile } from './kpi-tile';
import styles from './kpi-board.module.css';

/** A figure's standing against its thresholds, and the bound it crossed. */
export type Judged = { level: Level; bound?: Bound };

/** Each figure's place in the layout (the CSS names the areas for landscape and portrait screens). */
const AREA: Record<KpiName, string> = {
  'live-conferences': 'live',
  parties: 'parties',
  'at-cap': 'cap',
  'contact-lens-conflicts': 'lens',
  'longest-hold': 'hold',
  'today-vs-yesterday': 'today',
  'size-3': 's3',
  'size-4': 's4',
  'size-5': 's5',
  'size-6': 's6',
};

/**
 * The key figures: live conferences, parties, at cap and Contact Lens conflicts largest, then the
 * longest hold and today against yesterday, then conferences by size. Fills the stage at any size.
 */
export function KpiBoard({
  kpis,
  judged,
}: {
  kpis: readonly Kpi[];
  judged: Partial<Record<KpiName, Judged>>;
}) {
  return (
    <div className={styles.board} aria-label="Key figures">
      {kpis.map((kpi) => (
        <KpiTile
          key={kpi.name}
          kpi={kpi}
          area={AREA[kpi.name]}
          level={judged[kpi.name]?.level ?? 'normal'}
          bound={judged[kpi.name]?.bound}
        />
      ))}
    </div>
  );
}
