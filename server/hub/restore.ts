import {
  applyEvent,
  holdsConference,
  listEventRoots,
  resetTrafficStats,
  type EngineState,
} from '@/lib/conference';
import { CorruptEventRowError, type LoggedEvent, type Store } from '@/server/store';

const PAGE = 5_000;

export type RestoreResult = {
  events: number;
  /** Conferences that were already in history, to archive again. */
  archived: string[];
  /** Rows set aside because they could not be read or applied. */
  quarantined: number;
  /** Conferences a quarantined row was filed under: off the board until the next restart. */
  damaged: string[];
};

/**
 * Replays the event log into a fresh engine, each event with the time it was received (so orphans
 * age as they did). Events filed under several roots come back once per root; the engine drops the
 * repeats as duplicates. A row that cannot be read or applied is moved to the quarantine table, the
 * conference it was filed under is reported as damaged, and the replay goes on: the store's content
 * can never keep the sidecar from starting. `apply` is the engine's `applyEvent`; a test may hand
 * in one with a defect, the only way a row that parses can fail to apply.
 */
export async function replayEventLog(
  engine: EngineState,
  store: Pick<Store, 'readEventLog' | 'quarantineEvent' | 'listArchivedIdsSince'>,
  quarantinedAt: number,
  apply: typeof applyEvent = applyEvent,
): Promise<RestoreResult> {
  let after = 0;
  let events = 0;
  let oldest: number | undefined;
  let quarantined = 0;
  const damaged = new Set<string>();

  const replay = async (rows: readonly LoggedEvent[]) => {
    for (const row of rows) {
      oldest ??= row.receivedAt;
      try {
        apply(engine, row.event, row.receivedAt);
        events += 1;
      } catch (error) {
        await store.quarantineEvent(
          row.seq,
          `could not be applied: ${(error as Error).message}`,
          quarantinedAt,
        );
        quarantined += 1;
        for (const root of listEventRoots(row.event)) damaged.add(root);
      }
    }
  };

  for (;;) {
    let page: LoggedEvent[];
    try {
      page = await store.readEventLog(after, PAGE);
    } catch (error) {
      if (!(error instanceof CorruptEventRowError)) throw error;
      await replay(error.precedingRows);
      await store.quarantineEvent(error.seq, error.reason, quarantinedAt);
      quarantined += 1;
      if (error.rootId !== undefined) damaged.add(error.rootId);
      after = error.seq;
      continue;
    }
    if (page.length === 0) break;
    await replay(page);
    after = page[page.length - 1]!.seq;
  }
  resetTrafficStats(engine);
  // A log may begin at the epoch itself; no archive time lies before it.
  const since = Math.max(0, (oldest ?? 0) - 1);
  const archived =
    oldest === undefined
      ? []
      : (await store.listArchivedIdsSince(since)).filter((id) => holdsConference(engine, id));
  return { events, archived, quarantined, damaged: [...damaged] };
}
