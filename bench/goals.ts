import type { PartialResults, SuiteName } from './results';

/** One printed row: a figure, and its goal where issue #5 sets one. */
export type Row = {
  suite: SuiteName;
  metric: string;
  value: number | string;
  unit: string;
  goal: string;
  /** undefined: the figure is reported, not judged. */
  met: boolean | undefined;
};

const MB = 1_000_000;
/**
 * "No heap growth" after forced garbage collection still moves by a few megabytes (code caches,
 * React's fibre pools); more than this over ten minutes is growth.
 */
export const HEAP_GROWTH_ALLOWANCE_MB = 5;
/** Issue #14: the daily report over 90 days of 2,000 conferences a day, on either store. */
export const REPORT_QUERY_GOAL_MS = 200;

const row = (
  suite: SuiteName,
  metric: string,
  value: number | string,
  unit: string,
  goal = '',
  met?: boolean,
): Row => ({ suite, metric, value, unit, goal, met });

/** The table rows of whatever suites ran, with each goal judged against its figure. */
export function listRows(r: PartialResults): Row[] {
  const rows: Row[] = [];
  if (r.engine) {
    const e = r.engine;
    rows.push(
      row('engine', 'engine.eventsPerSec', e.eventsPerSec, 'events/s'),
      row('engine', 'engine.parseFloorPerSec', e.parseFloorPerSec, 'lines/s'),
      row('engine', 'engine.ratio', e.ratio, '', '≥ 0.5', e.ratio >= 0.5),
    );
  }
  if (r.pipeline) {
    const p = r.pipeline;
    rows.push(
      row('pipeline', 'pipeline.maxEventsPerSec', p.maxEventsPerSec, 'events/s'),
      row('pipeline', 'pipeline.p50Ms', p.p50Ms, 'ms @2k/s'),
      row('pipeline', 'pipeline.p99Ms', p.p99Ms, 'ms @2k/s', '≤ 50', p.p99Ms <= 50),
      // The bare server pushes the sidecar's own frames: the ratio prices validation, log and engine.
      row('pipeline', 'pipeline.bareMaxEventsPerSec', p.bareMaxEventsPerSec, 'events/s'),
      row('pipeline', 'pipeline.transportRatio', p.transportRatio, '', '≥ 0.7', p.transportRatio >= 0.7),
      // The old anchor, a relay of the raw posts (several times the bytes): reported, not judged.
      row('pipeline', 'pipeline.rawRelayMaxEventsPerSec', p.rawRelayMaxEventsPerSec, 'events/s'),
      row('pipeline', 'pipeline.rawRelayRatio', p.rawRelayRatio, ''),
      row(
        'pipeline',
        'pipeline.pushedBytesPerEvent',
        [p.pushedBytesPerEvent, p.barePushedBytesPerEvent, p.rawRelayPushedBytesPerEvent].join(' / '),
        'B/event @2k/s (sidecar / bare / raw relay)',
      ),
    );
    if (p.scopedRun) {
      const { scoped, unscoped, scopes } = p.scopedRun;
      rows.push(
        row(
          'pipeline',
          'pipeline.scopedRun.scoped.p99Ms',
          scoped.p99Ms,
          `ms @2k/s, ${p.clients} clients over ${scopes} scopes (p50 ${scoped.p50Ms} ms)`,
          '≤ 50',
          scoped.p99Ms <= 50,
        ),
        row(
          'pipeline',
          'pipeline.scopedRun.unscoped.p99Ms',
          unscoped.p99Ms,
          `ms @2k/s, the same run unscoped (p50 ${unscoped.p50Ms} ms)`,
          '≤ 50',
          unscoped.p99Ms <= 50,
        ),
      );
    }
  }
  if (r.scale) {
    const s = r.scale;
    rows.push(
      row('scale', 'scale.rssMb', s.rssMb, 'MB'),
      row('scale', 'scale.snapshotBytes.raw', s.snapshotBytes.raw, 'bytes'),
      row(
        'scale',
        'scale.snapshotBytes.gzip',
        s.snapshotBytes.gzip,
        'bytes',
        '≤ 1 MB',
        s.snapshotBytes.gzip <= MB,
      ),
      row('scale', 'scale.snapshotMs', s.snapshotMs, 'ms', '≤ 50', s.snapshotMs <= 50),
      row('scale', 'scale.applyMs', s.applyMs, 'ms'),
    );
  }
  if (r.limits) {
    const l = r.limits;
    const kb = (bytes: number) => Math.round(bytes / 100) / 10;
    const latency = (s: { p50Ms: number; p99Ms: number; maxMs: number }) =>
      [s.p50Ms, s.p99Ms, s.maxMs].join(' / ');
    rows.push(
      row('limits', 'limits.bytesPerConference', kb(l.bytesPerConference), 'KB heap'),
      row('limits', 'limits.bytesPerOrphanLeg', kb(l.bytesPerOrphanLeg), 'KB heap'),
      row(
        'limits',
        'limits.restoreMs',
        l.restoreMs,
        `ms (${l.restoredConferences.toLocaleString('en-US')} conferences)`,
      ),
      row('limits', 'limits.healthzIdle', latency(l.healthzIdle), 'ms p50 / p99 / max'),
      row('limits', 'limits.healthzUnderLoad', latency(l.healthzUnderLoad), 'ms p50 / p99 / max'),
    );
  }
  if (r.browser) {
    const b = r.browser;
    rows.push(
      row('browser', 'browser.boardP95FrameMs', b.boardP95FrameMs, 'ms', '≤ 33', b.boardP95FrameMs <= 33),
      row('browser', 'browser.longTasks', b.longTasks, 'tasks'),
      row(
        'browser',
        'browser.heapGrowthMb',
        b.heapGrowthMb,
        `MB/${b.minutes} min`,
        `≤ ${HEAP_GROWTH_ALLOWANCE_MB}`,
        b.heapGrowthMb <= HEAP_GROWTH_ALLOWANCE_MB,
      ),
    );
  }
  if (r.wallboard) {
    const w = r.wallboard;
    rows.push(
      row(
        'wallboard',
        'wallboard.heapGrowthMb',
        w.heapGrowthMb,
        `MB/${w.minutes} min, ${w.restarts} restarts`,
        `≤ ${HEAP_GROWTH_ALLOWANCE_MB}`,
        w.heapGrowthMb <= HEAP_GROWTH_ALLOWANCE_MB,
      ),
      row(
        'wallboard',
        'wallboard.longTasksOver200Ms',
        w.longTasksOverLimit,
        'tasks',
        '0',
        w.longTasksOverLimit === 0,
      ),
      row('wallboard', 'wallboard.longestTaskMs', w.longestTaskMs, 'ms'),
      row('wallboard', 'wallboard.viewSwitches', w.viewSwitches, `every ${w.rotateSeconds} s`),
      row(
        'wallboard',
        'wallboard.staleBannerShownMs',
        w.staleBannerShownMs.join(' / ') || '–',
        'ms after each crash',
        '≤ 10000',
        w.staleBannerShownMs.every((ms) => ms <= 10_000),
      ),
    );
  }
  if (r.history) {
    const h = r.history;
    const target = `≥ ${h.targetWritesPerSec}`;
    rows.push(
      row('history', 'history.busiestCentreEndsPerSec', h.busiestCentreEndsPerSec, 'conf/s'),
      row(
        'history',
        'history.sqliteWritesPerSec',
        h.sqliteWritesPerSec,
        'conf/s',
        target,
        h.sqliteWritesPerSec >= h.targetWritesPerSec,
      ),
      row(
        'history',
        'history.postgresWritesPerSec',
        h.postgresWritesPerSec,
        'conf/s',
        target,
        h.postgresWritesPerSec >= h.targetWritesPerSec,
      ),
    );
  }
  if (r.reports) {
    const p = r.reports;
    const goal = `≤ ${REPORT_QUERY_GOAL_MS}`;
    rows.push(
      row('reports', 'reports.conferencesPerDay', p.conferencesPerDay, `conf/day × ${p.days} days`),
      row(
        'reports',
        'reports.sqliteDailyMs',
        p.sqliteDailyMs,
        'ms',
        goal,
        p.sqliteDailyMs <= REPORT_QUERY_GOAL_MS,
      ),
      row(
        'reports',
        'reports.postgresDailyMs',
        p.postgresDailyMs,
        'ms',
        goal,
        p.postgresDailyMs <= REPORT_QUERY_GOAL_MS,
      ),
      row(
        'reports',
        'reports.scopedDailyMs',
        `${p.sqliteScopedDailyMs} / ${p.postgresScopedDailyMs}`,
        'ms (SQLite / PostgreSQL)',
      ),
      row('reports', 'reports.pageChartsMs', p.pageChartsMs, 'ms'),
      row('reports', 'reports.replayLoadMs', p.replayLoadMs, 'ms'),
    );
  }
  return rows;
}
