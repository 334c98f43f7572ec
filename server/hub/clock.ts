/**
 * The sidecar's clock. Normally the wall clock; while a recording is replayed into it, it follows
 * the recording's clock (sent with each batch), so time-based alerts compare with the recording's
 * time and replays show true times.
 */
export type Clock = {
  now(): number;
  /** A replay batch says "it is `sourceTime` in the recording now". */
  followSource(sourceTime: number): void;
  readonly following: boolean;
};

export function createClock(wall: () => number = Date.now): Clock {
  let offset: number | undefined;
  return {
    now: () => wall() + (offset ?? 0),
    followSource(sourceTime: number) {
      const candidate = sourceTime - wall();
      // Never run backwards: batches from a recording can overlap in time.
      offset = offset === undefined ? candidate : Math.max(offset, candidate);
    },
    get following() {
      return offset !== undefined;
    },
  };
}
