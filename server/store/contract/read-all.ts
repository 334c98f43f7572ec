import type { LoggedEvent, Store } from '../store';

/** The whole log, paged as a restore pages it. */
export async function readWholeLog(store: Store, pageSize = 1000): Promise<LoggedEvent[]> {
  const rows: LoggedEvent[] = [];
  for (;;) {
    const page = await store.readEventLog(rows.at(-1)?.seq ?? 0, pageSize);
    rows.push(...page);
    if (page.length < pageSize) return rows;
  }
}

export const eventIds = (rows: readonly LoggedEvent[]): string[] => rows.map((r) => r.event.eventId);
