import { createHeap, type Timed } from './heap';

/** Parks a script until something calls `wake` (an agent frees up, a deadline passes). */
export type Wait = (wake: () => void) => void;

/** What a script yields: a number of milliseconds to sleep, or a wait. */
export type Step = number | Wait;

/**
 * A piece of simulated behaviour written as straight-line code: a generator that yields sleeps
 * and waits. Sub-scripts compose with `yield*` and may return a value.
 */
export type Script<T = void> = Generator<Step, T, void>;

type Task = Timed & { run: () => void };

/** Discrete-event time: callbacks and scripts run in (time, insertion) order, so runs repeat exactly. */
export type Scheduler = {
  now(): number;
  at(time: number, run: () => void): void;
  after(ms: number, run: () => void): void;
  spawn(script: Script): void;
  /** Runs everything due up to and including `time`, then stands the clock at `time`. */
  runUntil(time: number): void;
};

export function createScheduler(startAt: number): Scheduler {
  const agenda = createHeap<Task>();
  let now = startAt;
  let seq = 0;
  const at = (time: number, run: () => void) =>
    agenda.push({ at: Math.max(Math.round(time), now), seq: seq++, run });
  const spawn = (script: Script) => {
    const step = () => {
      const next = script.next();
      if (next.done) return;
      const value = next.value;
      if (typeof value === 'number') {
        at(now + value, step);
        return;
      }
      let woken = false;
      value(() => {
        if (woken) return;
        woken = true;
        at(now, step);
      });
    };
    at(now, step);
  };
  return {
    now: () => now,
    at,
    after: (ms, run) => at(now + ms, run),
    spawn,
    runUntil(time) {
      for (let task = agenda.peek(); task && task.at <= time; task = agenda.peek()) {
        agenda.pop();
        now = task.at;
        task.run();
      }
      now = Math.max(now, time);
    },
  };
}
