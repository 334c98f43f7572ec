import { openStore } from '@/server/store';
import { seedHistory, type SeedResult } from '@/server/store/seed/seed-history';
import type { Stack } from './stack';

export type SeededHistory = SeedResult & { tz: 'UTC' };

/**
 * Fills the stack's store with days of history made by the simulator's call model (the
 * `npm run seed-history` machinery), ending yesterday in UTC: the sidecar is stopped while the
 * seed writes and started again on the same data, so signed-in sessions carry on.
 */
export async function seedReportHistory(
  stack: Stack,
  options: { days: number; perDay: number; seed: number },
): Promise<SeededHistory> {
  await stack.killSidecar();
  try {
    const store = await openStore({ kind: 'sqlite', dataDir: stack.dataDir() });
    try {
      const seeded = await seedHistory(store, {
        ...options,
        timeZone: 'UTC',
        mode: 'multi-party',
        // The suite's other specs leave live calls in the event log: the seed goes beside them.
        force: true,
        now: Date.now(),
      });
      return { ...seeded, tz: 'UTC' };
    } finally {
      await store.close();
    }
  } finally {
    await stack.startSidecar();
  }
}
