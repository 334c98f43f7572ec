import { setTimeout as sleep } from 'node:timers/promises';
import type { ClientsMode, QuietParams, WindowReport } from './pipeline-clients';
import { isSustained } from './pipeline-ladder';
import type { LoadParams, LoadReport } from './pipeline-loader';
import type { PipelineStep } from './results';
import type { Actor } from './rpc';
import type { ListeningProcess } from '@/scripts/test-helpers/node-process';

/** One side of the comparison: a server and the process holding its clients. */
export type Side = { mode: ClientsMode; server: ListeningProcess; clients: Actor };

export type StepOptions = {
  run: string;
  token: string;
  conferences: number;
  warmupMs: number;
  measureMs: number;
  settleMs: number;
};

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
): Promise<PipelineStep> {
  const measureFrom = Date.now() + options.warmupMs;
  await side.clients.call('begin', { from: measureFrom });
  const load: LoadParams = {
    url: side.server.url,
    token: options.token,
    run: options.run,
    conferences: options.conferences,
    ratePerSec: rate,
    durationMs: options.warmupMs + options.measureMs,
    tickMs: TICK_MS,
    measureFrom,
  };
  const sent = await loader.call<LoadReport>('load', load);
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
      sent.sentMeasured > 0 ? Math.round((window.firstClientItems / sent.sentMeasured) * 1000) / 1000 : 0,
    failedPosts: sent.failed,
  };
  // Let the server and the clients drain before the next step starts: an overloaded step leaves a
  // backlog that would otherwise run on the shared cores during the next step, whichever side it is.
  await side.clients.call('quiet', {
    quietMs: options.settleMs,
    timeoutMs: DRAIN_LIMIT_MS,
  } satisfies QuietParams);
  return { ...step, sustained: isSustained(step) };
}
