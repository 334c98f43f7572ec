import { setTimeout as sleep } from 'node:timers/promises';
import type { QuietParams, WindowReport } from './pipeline-clients';
import { isSustained } from './pipeline-ladder';
import type { LoadParams, LoadReport } from './pipeline-loader';
import type { RecordedFrame } from './pipeline-replay';
import type { PipelineSide, PipelineStep } from './results';
import type { Actor } from './rpc';

/**
 * One side of the comparison: a server and the process holding its clients; `afterLoad` runs once
 * the load generator has sent its last post.
 */
export type Side = { mode: PipelineSide; url: string; clients: Actor; afterLoad?: () => Promise<unknown> };

export type StepOptions = {
  run: string;
  token: string;
  conferences: number;
  warmupMs: number;
  measureMs: number;
  settleMs: number;
  /** Keep the frames the first client receives (the sidecar's, for the bare server to replay). */
  record?: boolean;
  /** The share of the conferences the first client's scope holds (1 unscoped): its expected deliveries. */
  firstClientShare?: number;
};

/** A measured step, with what the bare server needs to replay it when it was recorded. */
export type StepRun = { step: PipelineStep; postTimes: number[]; frames: RecordedFrame[] };

/** The longest wait for a side to go quiet after a step (an overloaded one can be seconds behind). */
const DRAIN_LIMIT_MS = 60_000;

/** Posts every 20 ms: 50 ingest requests a second, whatever the rate. */
const TICK_MS = 20;

/**
 * One rate on one side: the load generator offers `rate` events/s for the warm-up and the measured
 * window; the clients count every event posted inside the window and how long each took to arrive.
 */
export async function measureStep(
  side: Side,
  loader: Actor,
  rate: number,
  options: StepOptions,
): Promise<StepRun> {
  const measureFrom = Date.now() + options.warmupMs;
  await side.clients.call('begin', { from: measureFrom, record: options.record === true });
  const load: LoadParams = {
    url: side.url,
    token: options.token,
    run: options.run,
    conferences: options.conferences,
    ratePerSec: rate,
    durationMs: options.warmupMs + options.measureMs,
    tickMs: TICK_MS,
    measureFrom,
  };
  const sent = await loader.call<LoadReport>('load', load);
  await side.afterLoad?.();
  // Pushes still on their way count; a backlog longer than this shows in p99 anyway.
  await sleep(options.settleMs);
  const window = await side.clients.call<WindowReport>('end');
  const step = {
    side: side.mode,
    offeredPerSec: rate,
    sentPerSec: Math.round((sent.sent * 1000) / sent.elapsedMs),
    p50Ms: window.p50Ms,
    p99Ms: window.p99Ms,
    samples: window.samples,
    deliveredShare:
      sent.sentMeasured > 0
        ? Math.round(
            (window.firstClientItems / (sent.sentMeasured * (options.firstClientShare ?? 1))) * 1000,
          ) / 1000
        : 0,
    failedPosts: sent.failed,
  };
  // Let the server and the clients drain before the next step starts: an overloaded step leaves a
  // backlog that would otherwise run on the shared cores during the next step, whichever side it is.
  await side.clients.call('quiet', {
    quietMs: options.settleMs,
    timeoutMs: DRAIN_LIMIT_MS,
  } satisfies QuietParams);
  // Counted and taken after the drain, so a backlog's frames count and are replayed too.
  const bytes = await side.clients.call<number>('pushedBytes');
  const frames = options.record ? await side.clients.call<RecordedFrame[]>('takeRecording') : [];
  const measured = {
    ...step,
    pushedBytesPerEvent: sent.sent > 0 ? Math.round((bytes / sent.sent) * 10) / 10 : 0,
  };
  return { step: { ...measured, sustained: isSustained(measured) }, postTimes: sent.postTimes, frames };
}
