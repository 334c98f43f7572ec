/**
 * Runs async jobs one at a time, in the order they were queued. Ingest batches and ticks both read
 * and write the engine and the log; running them one after another keeps the log in apply order.
 *
 * Each job starts on a turn of the event loop of its own. The store's SQLite calls are synchronous,
 * so without that a burst of queued batches would run back to back in one long chain of
 * microtasks, and the pushes (and the sockets' reads and writes) would wait for the whole burst.
 */
export type SerialQueue = { run<T>(job: () => Promise<T>): Promise<T> };

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      const result = tail.then(nextTurn, nextTurn).then(job);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
