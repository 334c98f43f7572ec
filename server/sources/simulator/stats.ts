/** Counters the simulator keeps about itself: what it did, refused, duplicated, dropped. */
export type Stats = {
  bump(key: string, by?: number): void;
  get(key: string): number;
  snapshot(): Record<string, number>;
};

export function createStats(): Stats {
  const counts = new Map<string, number>();
  return {
    bump: (key, by = 1) => counts.set(key, (counts.get(key) ?? 0) + by),
    get: (key) => counts.get(key) ?? 0,
    snapshot: () =>
      Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}
