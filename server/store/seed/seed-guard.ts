import type { Store } from '../store';

/**
 * Why seeding this store would mix made-up history with real data, or null when it would not:
 * event log rows mean a sidecar has ingested live traffic, and history that ended at or after the
 * seed's first day would overlap what the seed writes.
 */
export async function findLiveData(store: Store, seedStart: number): Promise<string | null> {
  const logged = await store.eventLogSize();
  if (logged > 0) return `the store's event log holds ${logged} rows (live data from a running sidecar)`;
  const [newer] = await store.listHistory({ endedFrom: seedStart, limit: 1 });
  if (newer) {
    return `the store holds history that ended at ${newer.endedAt ?? '?'}, within or after the range the seed would write`;
  }
  return null;
}
