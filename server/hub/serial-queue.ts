/**
 * Runs async jobs one at a time, in the order they were queued. Ingest batches and ticks both read
 * and write the engine and the log; running them one after another keeps the log in apply order.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      const result = tail.then(job, job);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
