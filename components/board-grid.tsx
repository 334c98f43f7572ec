import { URGENCY_GROUPS, type UrgencyGroup } from '@/lib/board/sort';
import type { ConferenceSummary } from '@/lib/realtime';
import { ConferenceCard } from './conference-card';
import styles from './board-grid.module.css';

/**
 * The cards in the default order, one grid. Each urgency group is its own list in the markup
 * (laid out as one grid through `display: contents`), so a card that turns critical moves once
 * rather than past every card above it.
 */
export function BoardGrid({ groups }: { groups: Record<UrgencyGroup, readonly ConferenceSummary[]> }) {
  return (
    <section className={styles.grid} aria-label="Live conferences">
      {URGENCY_GROUPS.map((group) => (
        <div key={group} className={styles.group} data-group={group}>
          {groups[group].map((c) => (
            <ConferenceCard key={c.id} conference={c} />
          ))}
        </div>
      ))}
    </section>
  );
}
