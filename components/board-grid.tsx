import type { BoardDensity } from '@/lib/board/filters';
import { URGENCY_GROUPS, type UrgencyGroup } from '@/lib/board/sort';
import type { ConferenceSummary } from '@/lib/realtime';
import { ConferenceCard } from './conference-card';
import styles from './board-grid.module.css';

/**
 * The cards in the default order, one grid. Each urgency group is its own list in the markup
 * (laid out as one grid through `display: contents`), so a card that turns critical moves once
 * rather than past every card above it. The section is a size container: the column width, and
 * whether a wide card may take two columns, follow the board's width, not the window's.
 */
export function BoardGrid({
  groups,
  density = 'comfortable',
}: {
  groups: Record<UrgencyGroup, readonly ConferenceSummary[]>;
  density?: BoardDensity;
}) {
  return (
    <section className={styles.board} aria-label="Live conferences">
      <div className={styles.grid} data-density={density}>
        {URGENCY_GROUPS.map((group) => (
          <div key={group} className={styles.group} data-group={group}>
            {groups[group].map((c) => (
              <ConferenceCard key={c.id} conference={c} density={density} />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
