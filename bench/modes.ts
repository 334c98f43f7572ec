import type { BrowserSuiteOptions } from './browser-suite';
import type { LimitsSuiteOptions } from './limits-suite';
import type { PipelineSuiteOptions } from './pipeline-suite';
import type { ScaleSuiteOptions } from './scale-suite';
import type { WallboardSuiteOptions } from './wallboard-suite';

/**
 * The sizes of a full run (issue #5's figures) and of `--quick`, which exercises every suite
 * briefly so CI can catch errors in under a minute; its timings mean nothing.
 */
export type Mode = {
  engine: { rawEvents: number };
  pipeline: Omit<PipelineSuiteOptions, 'log'>;
  scale: ScaleSuiteOptions;
  limits: Omit<LimitsSuiteOptions, 'log'>;
  browser: Omit<BrowserSuiteOptions, 'log'>;
  history: { sampleMinutes: number; warmupMinutes: number; measureMs: number };
  wallboard: Omit<WallboardSuiteOptions, 'log'>;
  reports: { days: number; conferencesPerDay: number; queryRepeats: number; pageRuns: number };
};

export const FULL: Mode = {
  engine: { rawEvents: 1_000_000 },
  pipeline: {
    clients: 100,
    conferences: 1_000,
    ladder: [500, 1_000, 2_000, 3_000, 4_500, 6_750, 10_000, 15_000, 22_500, 34_000, 50_000],
    bisections: 2,
    warmupMs: 2_000,
    measureMs: 8_000,
    settleMs: 1_000,
  },
  scale: { conferences: 5_000, contactsPerConference: 4, repeats: 15 },
  limits: {
    conferences: 5_000,
    contactsPerConference: 4,
    orphanLegs: 5_000,
    readers: 5,
    resyncClients: 10,
    resyncEveryMs: 10,
    idleMs: 3_000,
    measureMs: 15_000,
  },
  browser: { conferences: 500, updatesPerSec: 100, warmupSeconds: 30, minutes: 10 },
  history: { sampleMinutes: 6, warmupMinutes: 3, measureMs: 10_000 },
  // Issue 13's soak: 200 conferences, 50 updates/s, rotation every 10 s, 30 minutes, three crashes.
  wallboard: {
    conferences: 200,
    updatesPerSec: 50,
    rotateSeconds: 10,
    warmupSeconds: 60,
    minutes: 30,
    restarts: 3,
    downSeconds: 8,
  },
  reports: { days: 90, conferencesPerDay: 2_000, queryRepeats: 30, pageRuns: 5 },
};

export const QUICK: Mode = {
  engine: { rawEvents: 5_000 },
  pipeline: {
    clients: 10,
    conferences: 100,
    ladder: [500, 2_000],
    bisections: 0,
    warmupMs: 300,
    measureMs: 1_000,
    settleMs: 300,
  },
  scale: { conferences: 200, contactsPerConference: 4, repeats: 2 },
  limits: {
    conferences: 200,
    contactsPerConference: 4,
    orphanLegs: 200,
    readers: 2,
    resyncClients: 2,
    resyncEveryMs: 10,
    idleMs: 300,
    measureMs: 1_000,
  },
  browser: { conferences: 50, updatesPerSec: 100, warmupSeconds: 1, minutes: 0.05 },
  history: { sampleMinutes: 2, warmupMinutes: 1, measureMs: 1_000 },
  wallboard: {
    conferences: 200,
    updatesPerSec: 50,
    rotateSeconds: 5,
    warmupSeconds: 3,
    minutes: 0.4,
    restarts: 1,
    downSeconds: 4,
  },
  reports: { days: 3, conferencesPerDay: 20, queryRepeats: 3, pageRuns: 1 },
};
