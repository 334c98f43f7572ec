import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readDailyReport } from '@/server/store/reports';
import { openStore } from '@/server/store';
import { buildBatch } from '@/server/store/test-fixtures/event-builders';
import { runScript } from './test-helpers/run-script';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'confwatch-seed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const seed = (dataDir: string, ...args: string[]) =>
  runScript('seed-history', ['--days', '3', '--per-day', '80', '--seed', '5', ...args], {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
  });

const count = (stdout: string) => Number(/^seeded (\d+) calls/.exec(stdout)?.[1]);

test('seeds days of history ending yesterday, with a progress bar; refuses to seed again unless --force', async () => {
  const dataDir = join(dir, 'a');
  const first = await seed(dataDir);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toMatch(
    /^seeded \d+ calls from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} into the sqlite store in [\d.]+ s \(3 days simulated in full\)\n$/,
  );
  expect(first.stderr).toMatch(/\[#{30}\] day 3\/3/);
  const calls = count(first.stdout);
  // 3 days of 80 on average: weekends are thinned, so the total varies with the weekdays.
  expect(calls).toBeGreaterThan(100);
  expect(calls).toBeLessThan(400);

  const store = await openStore({ kind: 'sqlite', dataDir });
  try {
    const [, from, to] = /from (\S+) to (\S+) into/.exec(first.stdout)!;
    const report = await readDailyReport(store, { from: from!, to: to!, tz: 'UTC' }, 'all');
    expect(report.days).toHaveLength(3);
    expect(report.totals.calls).toBe(calls);
    // The simulator's call model: mostly two-party calls, conferences of several sizes, A2 conflicts.
    expect(report.totals.conferences).toBeGreaterThan(calls * 0.15);
    expect(report.totals.conferences).toBeLessThan(calls * 0.6);
    expect(report.totals.bySize['3']).toBeGreaterThan(0);
    expect(report.totals.bySize['4'] + report.totals.bySize['5'] + report.totals.bySize['6']).toBeGreaterThan(
      0,
    );
    expect(report.totals.contactLensConflicts).toBeGreaterThan(0);
    expect(report.totals.consultHold.averageSeconds).toBeGreaterThan(0);
  } finally {
    await store.close();
  }

  const again = await seed(dataDir);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/refusing to seed: the store holds history that ended at .* Use --force/);

  // The same seed writes the same calls: forcing it again replaces them, it never duplicates.
  const forced = await seed(dataDir, '--force');
  expect(forced.code, forced.stderr).toBe(0);
  expect(count(forced.stdout)).toBe(calls);
  const reopened = await openStore({ kind: 'sqlite', dataDir });
  try {
    expect((await reopened.listHistory({ limit: 1000 })).length).toBe(calls);
  } finally {
    await reopened.close();
  }
}, 300_000);

test('refuses a store whose event log holds live data, and bad options', async () => {
  const dataDir = join(dir, 'live');
  const store = await openStore({ kind: 'sqlite', dataDir });
  await store.appendEvents(buildBatch('live', 3));
  await store.close();
  const refused = await seed(dataDir);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/refusing to seed: the store's event log holds 3 rows/);

  const badDays = await runScript('seed-history', ['--days', '0'], { DATA_DIR: join(dir, 'bad') });
  expect(badDays.code).toBe(2);
  expect(badDays.stderr).toMatch(/--days must be at least 1/);
  const badZone = await seed(join(dir, 'bad'), '--tz', 'Mars/Olympus');
  expect(badZone.code).toBe(2);
  expect(badZone.stderr).toMatch(/--tz must be a time zone/);
}, 120_000);
