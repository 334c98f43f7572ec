import type { Env } from '@/server/env';
import type { Sidecar } from '@/server/sidecar';
import { createIngestSink } from './ingest-sink';
import { startReplaySource } from './replay-source';
import type { RecordedItem } from './recording';
import { beginSimulatorRun } from './simulator-run';
import { startLiveSimulator, type SimulatorConfig } from './simulator';

export type RunningSource = { stop(): Promise<void> };

/**
 * Starts what feeds the sidecar besides its ingest routes: the simulator (default), a replay, or
 * nothing; plus reconciliation with Amazon Connect's API when an instance is configured.
 */
export async function startSource(env: Env, sidecar: Sidecar): Promise<RunningSource> {
  const feed = await startFeed(env, sidecar);
  if (!env.CONNECT_INSTANCE_ID || !env.AWS_REGION) return feed;
  const intervalMs = env.CONNECT_RECONCILE_SECONDS * 1000;
  // Loaded only when used: the AWS SDK is a third of the sidecar's start-up time, and a restarted
  // sidecar should be back within seconds.
  const { startConnectReconciler } = await import('./connect');
  const reconciler = startConnectReconciler({
    hub: sidecar.hub.reconciliation,
    instanceId: env.CONNECT_INSTANCE_ID,
    region: env.AWS_REGION,
    ...(env.CONNECT_ENDPOINT ? { endpoint: env.CONNECT_ENDPOINT } : {}),
    intervalMs,
    quietMs: Math.max(60_000, 2 * intervalMs),
    expectedMode: env.CONFERENCE_MODE,
    now: () => sidecar.clock.now(),
    log: (message) => sidecar.log.info(message),
  });
  sidecar.registerHealth('connect', () => reconciler.status());
  return {
    async stop() {
      await reconciler.stop();
      await feed.stop();
    },
  };
}

async function startFeed(env: Env, sidecar: Sidecar): Promise<RunningSource> {
  const sink = createIngestSink(sidecar.hub.ingest);
  const onError = (error: unknown) => sidecar.log.error({ err: error }, 'source failed');
  if (env.SOURCE !== 'none') sidecar.clock.claim(env.SOURCE === 'replay' ? 'replay' : 'simulator');
  switch (env.SOURCE) {
    case 'none':
      return { stop: async () => {} };
    case 'replay':
      return startReplaySource({
        file: env.REPLAY_FILE!,
        speed: env.REPLAY_SPEED,
        sink,
        clock: sidecar.clock,
        onError,
      });
    case 'simulator':
      return startSimulatorFeed(env, sidecar, sink, onError);
  }
}

/**
 * The built-in simulator, continuing from the last run in DATA_DIR (new ids, the clock resumed):
 * a restart shows new calls at once instead of re-sending the last run as duplicates.
 */
function startSimulatorFeed(
  env: Env,
  sidecar: Sidecar,
  sink: (items: RecordedItem[]) => Promise<void>,
  onError: (error: unknown) => void,
): RunningSource {
  const wallNow = Date.now();
  const run = beginSimulatorRun(env.DATA_DIR, wallNow, (line) => console.error(line));
  const config = { ...simulatorConfig(env), run: run.run, startAt: run.startAt };
  sidecar.registerHealth('simulator', () => ({ seed: env.SIM_SEED ?? 1, run: run.run }));
  // Sped up, or resumed ahead of the wall clock, the simulated centre runs ahead of real time: the
  // sidecar clock follows it, so durations and time-based alerts are measured in simulated time.
  const follow = env.SIM_SPEED !== 1 || run.startAt > wallNow;
  return startLiveSimulator({
    config,
    sink: follow
      ? async (items) => {
          const last = items[items.length - 1];
          if (last) sidecar.clock.followSource(Date.parse(last.at));
          await sink(items);
        }
      : sink,
    now: Date.now,
    speed: env.SIM_SPEED,
    onError,
    onAdvanced: (simulatedAt) => run.record(simulatedAt),
  });
}

/** SIM_* variables override the simulator's defaults; the mode follows CONFERENCE_MODE. */
export function simulatorConfig(env: Env): Partial<SimulatorConfig> {
  const config: Partial<SimulatorConfig> = { mode: env.CONFERENCE_MODE };
  if (env.SIM_SEED !== undefined) config.seed = env.SIM_SEED;
  if (env.SIM_AGENTS !== undefined) config.agents = env.SIM_AGENTS;
  if (env.SIM_SUPERVISORS !== undefined) config.supervisors = env.SIM_SUPERVISORS;
  if (env.SIM_CALLS_PER_MINUTE !== undefined) config.callsPerMinute = env.SIM_CALLS_PER_MINUTE;
  if (env.SIM_CONFERENCE_PROBABILITY !== undefined)
    config.conferenceProbability = env.SIM_CONFERENCE_PROBABILITY;
  if (env.SIM_CONTACT_LENS_SHARE !== undefined) config.contactLensShare = env.SIM_CONTACT_LENS_SHARE;
  if (env.SIM_DUPLICATE_RATE !== undefined) config.duplicateRate = env.SIM_DUPLICATE_RATE;
  if (env.SIM_REORDER_RATE !== undefined) config.reorderRate = env.SIM_REORDER_RATE;
  if (env.SIM_LOSS_RATE !== undefined) config.lossRate = env.SIM_LOSS_RATE;
  if (env.SIM_PARTY_MIX !== undefined) {
    const mix = env.SIM_PARTY_MIX;
    config.partyMix = {
      '2': mix['2'] ?? 0,
      '3': mix['3'] ?? 0,
      '4': mix['4'] ?? 0,
      '5': mix['5'] ?? 0,
      '6': mix['6'] ?? 0,
    };
  }
  return config;
}
