import { expect, test } from 'vitest';
import { HEAP_GROWTH_ALLOWANCE_MB, listRows } from './goals';
import { BenchResultsSchema, type BenchResults } from './results';
import { formatTable, formatValue } from './table';
import { buildStep } from './test-helpers/builders';

/** A full run's results with every goal met; tests override what they look at. */
function buildResults(): BenchResults {
  return {
    meta: {
      date: '2026-11-23T10:00:00.000Z',
      cpuModel: 'AMD EPYC',
      cpuCount: 2,
      memoryMb: 24_105,
      node: 'v20.20.2',
      quick: false,
      gitCommit: null,
    },
    engine: {
      eventsPerSec: 60_000,
      parseFloorPerSec: 100_000,
      ratio: 0.6,
      rawEvents: 1_000_000,
      liveConferencesAtEnd: 1_600,
      heapUsedMbAtEnd: 300,
      centreEndsPerSec: 6.5,
    },
    pipeline: {
      maxEventsPerSec: 8_000,
      p50Ms: 5,
      p99Ms: 40,
      bareMaxEventsPerSec: 10_000,
      bareP50Ms: 2,
      bareP99Ms: 8,
      transportRatio: 0.8,
      rawRelayMaxEventsPerSec: 9_000,
      rawRelayP50Ms: 3,
      rawRelayP99Ms: 10,
      rawRelayRatio: 0.889,
      pushedBytesPerEvent: 60,
      barePushedBytesPerEvent: 60,
      rawRelayPushedBytesPerEvent: 450,
      clients: 100,
      steps: [buildStep(2_000)],
    },
    scale: {
      conferences: 5_000,
      contacts: 20_000,
      rssEmptyMb: 90,
      rssMb: 290,
      snapshotBytes: { raw: 13_000_000, gzip: 480_000 },
      snapshotMs: 40,
      applyMs: 60,
    },
    limits: {
      conferences: 5_000,
      contactsPerConference: 4,
      orphanLegs: 5_000,
      bytesPerConference: 9_150,
      bytesPerOrphanLeg: 1_210,
      restoreMs: 2_400,
      restoredConferences: 5_000,
      restoredEvents: 45_000,
      pageSize: 1_000,
      readers: 5,
      resyncClients: 10,
      healthzIdle: { samples: 140, p50Ms: 0.8, p99Ms: 2.1, maxMs: 3 },
      healthzUnderLoad: { samples: 600, p50Ms: 4.2, p99Ms: 61, maxMs: 95.5 },
      pagesServed: 80,
      pageMbServed: 140,
      snapshotsServed: 75,
      resyncsAsked: 15_000,
    },
    browser: {
      conferences: 500,
      cardsRendered: 500,
      updatesPerSec: 100,
      minutes: 10,
      boardP95FrameMs: 17,
      boardP50FrameMs: 16.7,
      frames: 36_000,
      longTasks: 0,
      longTaskTotalMs: 0,
      heapAtRenderMb: 19,
      heapStartMb: 20,
      heapEndMb: 21,
      heapGrowthMb: 1,
      heapSamplesMb: [20.5, 20.8],
    },
    history: {
      sqliteWritesPerSec: 1_000,
      postgresWritesPerSec: 900,
      busiestCentreEndsPerSec: 6.5,
      targetWritesPerSec: 65,
      recordsPerWrite: 65,
      liveEventsPerSec: 1_700,
    },
    wallboard: {
      conferences: 200,
      updatesPerSec: 50,
      rotateSeconds: 10,
      minutes: 30,
      restarts: 3,
      viewSwitches: 180,
      viewsShown: 3,
      longTasks: 2,
      longTasksOverLimit: 0,
      longestTaskMs: 120,
      p95FrameMs: 16.7,
      staleBannerShownMs: [2_400, 2_300, 2_500],
      staleBannerClearedMs: [1_200, 900, 1_100],
      heapStartMb: 14,
      heapEndMb: 15,
      heapGrowthMb: 1,
      heapSamplesMb: [14.5, 15],
    },
    reports: {
      days: 90,
      calls: 560_000,
      conferences: 180_000,
      conferencesPerDay: 2_000,
      seedSeconds: 900,
      sqliteDailyMs: 40,
      sqliteDailyP95Ms: 60,
      postgresDailyMs: 80,
      postgresDailyP95Ms: 120,
      sqliteScopedDailyMs: 900,
      postgresScopedDailyMs: 700,
      queryRepeats: 30,
      pageChartsMs: 1_500,
      replayLoadMs: 900,
      pageRuns: 5,
    },
  };
}

const verdicts = (results: BenchResults) =>
  Object.fromEntries(
    listRows(results)
      .filter((r) => r.met !== undefined)
      .map((r) => [r.metric, r.met]),
  );

test('the results shape holds every key the issue names, and rejects a run missing one', () => {
  expect(BenchResultsSchema.parse(buildResults())).toEqual(buildResults());
  const { scale: _scale, ...withoutScale } = buildResults();
  expect(BenchResultsSchema.safeParse(withoutScale).success).toBe(false);
  const noGzip = buildResults();
  (noGzip.scale.snapshotBytes as { gzip?: number }).gzip = undefined;
  expect(BenchResultsSchema.safeParse(noGzip).success).toBe(false);
});

test('every goal of the issue is judged, and all are met by a run that meets them', () => {
  expect(verdicts(buildResults())).toEqual({
    'engine.ratio': true,
    'pipeline.p99Ms': true,
    'pipeline.transportRatio': true,
    'scale.snapshotBytes.gzip': true,
    'scale.snapshotMs': true,
    'browser.boardP95FrameMs': true,
    'browser.heapGrowthMb': true,
    'history.sqliteWritesPerSec': true,
    'history.postgresWritesPerSec': true,
    'wallboard.heapGrowthMb': true,
    'wallboard.longTasksOver200Ms': true,
    'wallboard.staleBannerShownMs': true,
    'reports.sqliteDailyMs': true,
    'reports.postgresDailyMs': true,
  });
});

test('each goal is missed just past its threshold', () => {
  const r = buildResults();
  r.engine.ratio = 0.499;
  r.pipeline.p99Ms = 50.1;
  r.pipeline.transportRatio = 0.69;
  r.scale.snapshotBytes.gzip = 1_000_001;
  r.scale.snapshotMs = 50.1;
  r.browser.boardP95FrameMs = 33.1;
  r.browser.heapGrowthMb = HEAP_GROWTH_ALLOWANCE_MB + 0.1;
  r.history.sqliteWritesPerSec = 64;
  r.history.postgresWritesPerSec = 64;
  r.wallboard.heapGrowthMb = HEAP_GROWTH_ALLOWANCE_MB + 0.1;
  r.wallboard.longTasksOverLimit = 1;
  r.wallboard.staleBannerShownMs = [2_000, 10_001];
  r.reports.sqliteDailyMs = 200.1;
  r.reports.postgresDailyMs = 200.1;
  expect(Object.values(verdicts(r)).every((met) => met === false)).toBe(true);
});

test('a partial run lists only the suites it ran', () => {
  const { meta, engine } = buildResults();
  expect(new Set(listRows({ meta, engine }).map((r) => r.suite))).toEqual(new Set(['engine']));
});

test('the table has the five columns, one row per figure, and says MISSED for a missed goal', () => {
  const r = buildResults();
  r.pipeline.p99Ms = 757;
  const rows = listRows(r);
  const lines = formatTable(rows).split('\n');
  expect(lines[0]!.split(/\s{2,}/)).toEqual(['suite', 'metric', 'value', 'goal', 'met/missed']);
  expect(lines).toHaveLength(rows.length + 2);
  expect(lines.find((l) => l.includes('pipeline.p99Ms'))).toMatch(/757 ms @2k\/s\s+≤ 50\s+MISSED$/);
  expect(lines.find((l) => l.includes('engine.ratio'))).toMatch(/0\.6\s+≥ 0\.5\s+met$/);
  expect(lines.find((l) => l.includes('scale.rssMb'))).toMatch(/290 MB$/);
});

test('the raw relay ratio is reported without a goal, beside the bytes each side pushes per event', () => {
  const rows = listRows(buildResults());
  expect(rows.find((r) => r.metric === 'pipeline.rawRelayRatio')).toMatchObject({
    value: 0.889,
    met: undefined,
  });
  const lines = formatTable(rows).split('\n');
  expect(lines.find((l) => l.includes('pipeline.pushedBytesPerEvent'))).toMatch(
    /60 \/ 60 \/ 450 B\/event @2k\/s \(sidecar \/ bare \/ raw relay\)$/,
  );
});

test('the limits figures are reported in KB and as p50 / p99 / max, without goals', () => {
  const rows = listRows(buildResults()).filter((r) => r.suite === 'limits');
  expect(rows.every((r) => r.met === undefined)).toBe(true);
  const lines = formatTable(rows).split('\n');
  expect(lines.find((l) => l.includes('limits.bytesPerConference'))).toMatch(/9\.2 KB heap$/);
  expect(lines.find((l) => l.includes('limits.restoreMs'))).toMatch(/2,400 ms \(5,000 conferences\)$/);
  expect(lines.find((l) => l.includes('limits.healthzUnderLoad'))).toMatch(
    /4\.2 \/ 61 \/ 95\.5 ms p50 \/ p99 \/ max$/,
  );
});

test('values show three significant digits with thousands separated, and their unit', () => {
  expect(formatValue(123_456, 'events/s')).toBe('123,000 events/s');
  expect(formatValue(0.0456, '')).toBe('0.0456');
  expect(formatValue(Infinity, 'ms')).toBe('Infinity ms');
});
