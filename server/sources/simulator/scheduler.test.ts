import { expect, test } from 'vitest';
import { createScheduler, type Script } from './scheduler';

test('callbacks run in time order, ties in the order they were scheduled, and only up to the time asked', () => {
  const clock = createScheduler(1_000);
  const ran: string[] = [];
  clock.at(1_500, () => ran.push('b'));
  clock.at(1_200, () => ran.push('a'));
  clock.at(1_500, () => ran.push('c'));
  clock.at(2_500, () => ran.push('late'));
  clock.runUntil(2_000);
  expect(ran).toEqual(['a', 'b', 'c']);
  expect(clock.now()).toBe(2_000);
});

test('a script sleeps, waits to be woken, and composes with yield*', () => {
  const clock = createScheduler(0);
  const log: string[] = [];
  let wakeUp: () => void = () => undefined;
  function* pause(ms: number): Script<number> {
    yield ms;
    return clock.now();
  }
  clock.spawn(
    (function* () {
      log.push(`slept until ${yield* pause(100)}`);
      yield (wake) => {
        wakeUp = wake;
      };
      log.push(`woken at ${clock.now()}`);
    })(),
  );
  clock.runUntil(150);
  expect(log).toEqual(['slept until 100']);
  clock.at(400, () => {
    wakeUp();
    wakeUp();
  });
  clock.runUntil(1_000);
  expect(log).toEqual(['slept until 100', 'woken at 400']);
});
