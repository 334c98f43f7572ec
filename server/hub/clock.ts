/**
 * The sidecar's clock. Normally the wall clock; while a recording is replayed into it, it follows
 * the recording's clock (sent with each batch), so time-based alerts compare with the recording's
 * time and replays show true times. A built-in source (the simulator, `SOURCE=replay`) claims the
 * clock: then no one else may move it, or a replay posted from outside would wreck a live board.
 */
export type Clock = {
  now(): number;
  /** A replay batch says "it is `sourceTime` in the recording now". */
  followSource(sourceTime: number): void;
  readonly following: boolean;
  /** A built-in source runs and owns the clock. */
  claim(owner: string): void;
  /** The built-in source that owns the clock, if any. */
  readonly owner: string | undefined;
};

/** The latest time a JavaScript Date can hold. */
const MAX_TIME = 8.64e15;

export function createClock(wall: () => number = Date.now): Clock {
  let offset: number | undefined;
  let owner: string | undefined;
  return {
    now: () => Math.min(MAX_TIME, wall() + (offset ?? 0)),
    followSource(sourceTime: number) {
      const candidate = sourceTime - wall();
      // Never run backwards: batches from a recording can overlap in time.
      offset = offset === undefined ? candidate : Math.max(offset, candidate);
    },
    get following() {
      return offset !== undefined;
    },
    claim(name: string) {
      owner = name;
    },
    get owner() {
      return owner;
    },
  };
}
