import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { beginSimulatorRun, SIMULATOR_RUN_FILE } from './simulator-run';

const root = mkdtempSync(join(tmpdir(), 'confwatch-sim-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const WALL = Date.UTC(2026, 10, 23, 9, 0, 0);
const fresh = (name: string) => join(root, name);
const readRecord = (dir: string) => JSON.parse(readFileSync(join(dir, SIMULATOR_RUN_FILE), 'utf8'));

test('the first run starts at the wall clock, numbered by it, and is recorded at once', () => {
  const dir = fresh('first');
  const logged: string[] = [];
  const run = beginSimulatorRun(dir, WALL, (line) => logged.push(line));
  expect(run).toMatchObject({ run: WALL / 1000, startAt: WALL });
  expect(readRecord(dir)).toEqual({ run: WALL / 1000, simulatedAt: WALL });
  expect(logged).toEqual([]);
});

test('a restart takes a new run number and resumes the simulated clock where the last run had got to', () => {
  const dir = fresh('restart');
  const first = beginSimulatorRun(dir, WALL, () => {});
  // Sped up, the last run got an hour ahead of the wall clock before it was killed.
  first.record(WALL + 3_600_000);
  const second = beginSimulatorRun(dir, WALL + 60_000, () => {});
  expect(second.run).toBeGreaterThan(first.run);
  expect(second.startAt).toBe(WALL + 3_600_000);
  // Two starts within one second still get distinct runs.
  const third = beginSimulatorRun(dir, WALL + 60_000, () => {});
  expect(third.run).toBe(second.run + 1);
  // Behind the wall clock, a run starts at the wall clock.
  const later = beginSimulatorRun(dir, WALL + 7_200_000, () => {});
  expect(later.startAt).toBe(WALL + 7_200_000);
});

test('the clock is recorded at most once per simulated second', () => {
  const dir = fresh('throttle');
  const run = beginSimulatorRun(dir, WALL, () => {});
  run.record(WALL + 400);
  expect(readRecord(dir).simulatedAt).toBe(WALL);
  run.record(WALL + 1_000);
  run.record(WALL + 1_900);
  expect(readRecord(dir).simulatedAt).toBe(WALL + 1_000);
});

test('a damaged record is reported and replaced; the run goes on', () => {
  const dir = fresh('damaged');
  beginSimulatorRun(dir, WALL, () => {});
  writeFileSync(join(dir, SIMULATOR_RUN_FILE), '{"run": "seven"');
  const logged: string[] = [];
  const run = beginSimulatorRun(dir, WALL + 5_000, (line) => logged.push(line));
  expect(run.startAt).toBe(WALL + 5_000);
  expect(logged).toEqual([
    `simulator: ${join(dir, SIMULATOR_RUN_FILE)} is not a run record; starting a new run (it will be rewritten)`,
  ]);
  expect(readRecord(dir)).toEqual({ run: run.run, simulatedAt: WALL + 5_000 });
});

test('an unwritable DATA_DIR is reported once; runs still get new numbers from the wall clock', () => {
  const blocker = fresh('a-file');
  writeFileSync(blocker, '');
  const dir = join(blocker, 'data');
  const logged: string[] = [];
  const run = beginSimulatorRun(dir, WALL, (line) => logged.push(line));
  run.record(WALL + 5_000);
  const next = beginSimulatorRun(dir, WALL + 2_000, () => {});
  expect(next.run).toBeGreaterThan(run.run);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatch(
    /cannot write .*\(ENOTDIR\); restarts will still use new ids, but not resume the clock/,
  );
});
