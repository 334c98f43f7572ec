import { applyEvent, type EngineState } from '@/lib/conference';
import type { Store } from '@/server/store';

const PAGE = 5_000;

/**
 * Replays the event log into a fresh engine, each event with the time it was received (so orphans
 * age as they did). Events filed under several roots come back once per root; the engine drops the
 * repeats as duplicates. Returns the conferences that were already in history, to archive again.
 */
export async function replayEventLog(
  engine: EngineState,
  store: Store,
): Promise<{ events: number; archived: string[] }> {
  let after = 0;
  let events = 0;
  let oldest: number | undefined;
  for (;;) {
    const page = await store.readEventLog(after, PAGE);
    if (page.length === 0) break;
    for (const row of page) {
      oldest ??= row.receivedAt;
      applyEvent(engine, row.event, row.receivedAt);
      events += 1;
    }
    after = page[page.length - 1]!.seq;
  }
  // Counters describe live traffic; the replay's own duplicates are not news.
  engine.stats.applied = 0;
  engine.stats.duplicates = 0;
  const archived =
    oldest === undefined
      ? []
      : (await store.listArchivedIdsSince(oldest - 1)).filter((id) => engine.conferences.has(id));
  return { events, archived };
}
