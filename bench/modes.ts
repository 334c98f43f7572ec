import type { BrowserSuiteOptions } from './browser-suite';
import type { PipelineSuiteOptions } from './pipeline-suite';
import type { ScaleSuiteOptions } from './scale-suite';

/**
 * The sizes of a full run (issue #5's figures) and of `--quick`, which exercises every suite
 * briefly so CI can catch errors in under a minute; its timings mean nothing.
 */
export type Mode = {
  engine: { rawEvents: number };
  pipeline: Omit<PipelineSuiteOptions, 'log'>;
  scale: ScaleSuiteOptions;
  browser: Omit<BrowserSuiteOptions, 'log'>;
  history: { sampleMinutes: number; warmupMinutes: number; measureMs: number };
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
  browser: { conferences: 500, updatesPerSec: 100, warmupSeconds: 30, minutes: 10 },
  history: { sampleMinutes: 6, warmupMinutes: 3, measureMs: 10_000 },
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
  browser: { conferences: 50, updatesPerSec: 100, warmupSeconds: 1, minutes: 0.05 },
  history: { sampleMinutes: 2, warmupMinutes: 1, measureMs: 1_000 },
  reports: { days: 3, conferencesPerDay: 20, queryRepeats: 3, pageRuns: 1 },
};
