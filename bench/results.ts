import { z } from 'zod';

/**
 * The shape of `bench/results.json`: every figure issue #5 names, under the key it names, plus a few
 * extra figures per suite that explain them. A full run is validated against it before writing.
 */

const rate = z.number().nonnegative();
const ms = z.number().nonnegative();

export const MetaSchema = z.object({
  date: z.iso.datetime(),
  cpuModel: z.string(),
  cpuCount: z.number().int().positive(),
  memoryMb: z.number().int().positive(),
  node: z.string(),
  quick: z.boolean(),
  gitCommit: z.string().nullable(),
});
export type Meta = z.infer<typeof MetaSchema>;

export const EngineResultSchema = z.object({
  eventsPerSec: rate,
  parseFloorPerSec: rate,
  ratio: z.number().nonnegative(),
  rawEvents: z.number().int().positive(),
  liveConferencesAtEnd: z.number().int().nonnegative(),
  /** After a forced GC: the engine's state at the end of the stream. */
  heapUsedMbAtEnd: z.number().nonnegative(),
  /** Conferences archived per simulated second in the second half of the stream. */
  centreEndsPerSec: rate,
});
export type EngineResult = z.infer<typeof EngineResultSchema>;

/**
 * `sidecar`: the real pipeline. `bare`: a bare Socket.IO server pushing the frames the sidecar pushed
 * at the same rate (the transport limit for the sidecar's own output). `raw-relay`: a bare server
 * broadcasting the posted items as they came (the old anchor).
 */
export const PipelineSideSchema = z.enum(['sidecar', 'bare', 'raw-relay', 'sidecar-scoped']);
export type PipelineSide = z.infer<typeof PipelineSideSchema>;

export const PipelineStepSchema = z.object({
  side: PipelineSideSchema,
  offeredPerSec: rate,
  sentPerSec: rate,
  p50Ms: ms,
  p99Ms: ms,
  samples: z.number().int().nonnegative(),
  /** Distinct pushes per event sent to one client: below 1 where coalescing merged events. */
  deliveredShare: z.number().nonnegative(),
  /** Ingest requests that did not get a 202 during the step. */
  failedPosts: z.number().int().nonnegative(),
  /** Socket.IO bytes one client received during the step (warm-up and drain too), per event sent. */
  pushedBytesPerEvent: z.number().nonnegative(),
  sustained: z.boolean(),
});
export type PipelineStep = z.infer<typeof PipelineStepSchema>;

export const PipelineResultSchema = z.object({
  maxEventsPerSec: rate,
  p50Ms: ms,
  p99Ms: ms,
  /** The bare server pushing the sidecar's own frames: the transport limit for the same output. */
  bareMaxEventsPerSec: rate,
  bareP50Ms: ms,
  bareP99Ms: ms,
  /** maxEventsPerSec / bareMaxEventsPerSec: what validation, the event log and the engine cost. */
  transportRatio: z.number().nonnegative(),
  /** The bare server relaying the raw posts, several times the bytes the sidecar pushes. */
  rawRelayMaxEventsPerSec: rate,
  rawRelayP50Ms: ms,
  rawRelayP99Ms: ms,
  /** maxEventsPerSec / rawRelayMaxEventsPerSec: the anchor before the replay, reported, not judged. */
  rawRelayRatio: z.number().nonnegative(),
  /** Bytes pushed to a client per event at the reference rate: the sidecar and the bare server alike. */
  pushedBytesPerEvent: z.number().nonnegative(),
  barePushedBytesPerEvent: z.number().nonnegative(),
  rawRelayPushedBytesPerEvent: z.number().nonnegative(),
  clients: z.number().int().positive(),
  steps: z.array(PipelineStepSchema),
  /**
   * The same clients spread over distinct scopes (one board publisher each), at the reference rate,
   * side by side with an unscoped step run right after it. Absent in results from before sign-in.
   */
  scopedRun: z
    .object({
      scopes: z.number().int().positive(),
      scoped: PipelineStepSchema,
      unscoped: PipelineStepSchema,
    })
    .optional(),
});
export type PipelineResult = z.infer<typeof PipelineResultSchema>;

export const ScaleResultSchema = z.object({
  conferences: z.number().int().positive(),
  contacts: z.number().int().positive(),
  /** The same sidecar process started and empty, for the cost of the conferences alone. */
  rssEmptyMb: z.number().nonnegative(),
  rssMb: z.number().nonnegative(),
  snapshotBytes: z.object({ raw: z.number().int().positive(), gzip: z.number().int().positive() }),
  snapshotMs: ms,
  applyMs: ms,
});
export type ScaleResult = z.infer<typeof ScaleResultSchema>;

export const LatencySummarySchema = z.object({
  samples: z.number().int().positive(),
  p50Ms: ms,
  p99Ms: ms,
  maxMs: ms,
});
export type LatencySummary = z.infer<typeof LatencySummarySchema>;

/** Issue 9's figures: what a conference and an orphan leg cost, a restart, /healthz under load. */
export const LimitsResultSchema = z.object({
  conferences: z.number().int().positive(),
  contactsPerConference: z.number().int().positive(),
  orphanLegs: z.number().int().positive(),
  /** Heap after GC with the conferences held, less the same sidecar empty, divided. */
  bytesPerConference: z.number().nonnegative(),
  /** Heap after GC with the orphan legs waiting, less before them, divided. */
  bytesPerOrphanLeg: z.number(),
  /** A new sidecar process on the same data directory: start to serving, the restore included. */
  restoreMs: ms,
  restoredConferences: z.number().int().nonnegative(),
  restoredEvents: z.number().int().nonnegative(),
  /** The largest page GET /api/conferences answers (API_MAX_PAGE). */
  pageSize: z.number().int().positive(),
  readers: z.number().int().positive(),
  resyncClients: z.number().int().positive(),
  healthzIdle: LatencySummarySchema,
  healthzUnderLoad: LatencySummarySchema,
  pagesServed: z.number().int().nonnegative(),
  pageMbServed: z.number().nonnegative(),
  snapshotsServed: z.number().int().nonnegative(),
  resyncsAsked: z.number().int().nonnegative(),
});
export type LimitsResult = z.infer<typeof LimitsResultSchema>;

export const BrowserResultSchema = z.object({
  conferences: z.number().int().nonnegative(),
  cardsRendered: z.number().int().nonnegative(),
  updatesPerSec: rate,
  minutes: z.number().positive(),
  boardP95FrameMs: ms,
  boardP50FrameMs: ms,
  frames: z.number().int().nonnegative(),
  longTasks: z.number().int().nonnegative(),
  longTaskTotalMs: ms,
  heapAtRenderMb: z.number().nonnegative(),
  /** After the warm-up, when measuring starts. */
  heapStartMb: z.number().nonnegative(),
  heapEndMb: z.number().nonnegative(),
  heapGrowthMb: z.number(),
  /** Read once a minute while measuring, without forcing GC: a leak shows as a trend. */
  heapSamplesMb: z.array(z.number().nonnegative()),
});
export type BrowserResult = z.infer<typeof BrowserResultSchema>;

export const WallboardResultSchema = z.object({
  conferences: z.number().int().nonnegative(),
  updatesPerSec: rate,
  rotateSeconds: z.number().positive(),
  minutes: z.number().positive(),
  restarts: z.number().int().nonnegative(),
  /** View switches the page made while measured, and how many different views it showed. */
  viewSwitches: z.number().int().nonnegative(),
  viewsShown: z.number().int().nonnegative(),
  longTasks: z.number().int().nonnegative(),
  /** Long tasks of 200 ms or more: a stall a room would see. */
  longTasksOverLimit: z.number().int().nonnegative(),
  longestTaskMs: ms,
  p95FrameMs: ms,
  /** Per restart: the sidecar killed until the stale banner showed, and back until it went. */
  staleBannerShownMs: z.array(ms),
  staleBannerClearedMs: z.array(ms),
  heapStartMb: z.number().nonnegative(),
  heapEndMb: z.number().nonnegative(),
  heapGrowthMb: z.number(),
  heapSamplesMb: z.array(z.number().nonnegative()),
});
export type WallboardResult = z.infer<typeof WallboardResultSchema>;

export const HistoryResultSchema = z.object({
  sqliteWritesPerSec: rate,
  postgresWritesPerSec: rate,
  busiestCentreEndsPerSec: rate,
  targetWritesPerSec: rate,
  recordsPerWrite: z.number().int().positive(),
  liveEventsPerSec: rate,
});
export type HistoryResult = z.infer<typeof HistoryResultSchema>;

export const ReportsResultSchema = z.object({
  days: z.number().int().positive(),
  calls: z.number().int().nonnegative(),
  conferences: z.number().int().nonnegative(),
  conferencesPerDay: z.number().int().nonnegative(),
  seedSeconds: z.number().nonnegative(),
  /** The daily report over the whole seeded range, unfiltered (the quarter-hour roll-ups). */
  sqliteDailyMs: ms,
  sqliteDailyP95Ms: ms,
  postgresDailyMs: ms,
  postgresDailyP95Ms: ms,
  /** The same for a caller scoped to one queue: answered from the calls themselves. */
  sqliteScopedDailyMs: ms,
  postgresScopedDailyMs: ms,
  queryRepeats: z.number().int().positive(),
  /** Chromium: from navigation to every chart of /reports drawn, the whole range. */
  pageChartsMs: ms,
  /** Chromium: from navigation to a replay's graph and scrubber drawn. */
  replayLoadMs: ms,
  pageRuns: z.number().int().positive(),
});
export type ReportsResult = z.infer<typeof ReportsResultSchema>;

export const BenchResultsSchema = z.object({
  meta: MetaSchema,
  engine: EngineResultSchema,
  pipeline: PipelineResultSchema,
  scale: ScaleResultSchema,
  limits: LimitsResultSchema,
  browser: BrowserResultSchema,
  history: HistoryResultSchema,
  wallboard: WallboardResultSchema,
  reports: ReportsResultSchema,
});
export type BenchResults = z.infer<typeof BenchResultsSchema>;

export const SUITES = [
  'engine',
  'pipeline',
  'scale',
  'limits',
  'browser',
  'history',
  'wallboard',
  'reports',
] as const;
export type SuiteName = (typeof SUITES)[number];

/** Whatever suites ran (a `--suite` run may leave some out). */
export type PartialResults = { meta: Meta } & Partial<Omit<BenchResults, 'meta'>>;
