import type { Store } from '@/server/store';
import { seedHistory, type SeedProgress, type SeedResult } from '@/server/store/seed/seed-history';

/**
 * The seed's calls a day for a target of conferences a day: about a third of the simulator's
 * calls reach three parties (measured: 0.32 at the default call mix), so the seed asks for a
 * little more than three times the conferences and the suite reports what it got.
 */
export const CALLS_PER_CONFERENCE = 3.125;

/**
 * Writes the same seeded history into both stores in one pass (the simulation, the costly part,
 * runs once): the SQLite store answers the seed's questions, every batch goes to both.
 */
export async function seedBothStores(
  sqlite: Store,
  postgres: Store,
  o: { days: number; conferencesPerDay: number; now: number; log: (line: string) => void },
): Promise<SeedResult> {
  const both: Store = {
    ...sqlite,
    async writeHistory(records, archivedAt, changes) {
      await sqlite.writeHistory(records, archivedAt, changes);
      await postgres.writeHistory(records, archivedAt, changes);
    },
  };
  let lastTenth = -1;
  const progress = (p: SeedProgress) => {
    const tenth = Math.floor((p.done / Math.max(1, p.total)) * 10);
    if (p.phase === 'write' && tenth === lastTenth) return;
    lastTenth = p.phase === 'write' ? tenth : -1;
    o.log(`reports: seed ${p.phase} ${p.done}/${p.total} days, ${p.calls} calls written`);
  };
  return seedHistory(
    both,
    {
      days: o.days,
      perDay: Math.round(o.conferencesPerDay * CALLS_PER_CONFERENCE),
      seed: 1,
      timeZone: 'UTC',
      mode: 'multi-party',
      force: false,
      now: o.now,
    },
    progress,
  );
}
