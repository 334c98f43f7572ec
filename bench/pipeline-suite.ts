import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BareMode, ReplayCount } from './bare-server';
import type { ConnectParams } from './pipeline-clients';
import { nextBisection, REFERENCE_RATE, summarizeSteps } from './pipeline-ladder';
import type { SetupParams } from './pipeline-loader';
import type { Recording } from './pipeline-replay';
import { measureStep, type Side } from './pipeline-step';
import type { PipelineResult, PipelineStep } from './results';
import { startActor } from './rpc';
import { startListeningProcess } from '@/scripts/test-helpers/node-process';
import { BENCH_ADMIN_TOKEN, BENCH_TOKEN as TOKEN } from './wire';

export type PipelineSuiteOptions = {
  clients: number;
  conferences: number;
  ladder: number[];
  bisections: number;
  warmupMs: number;
  measureMs: number;
  /** Pause after each step for pushes still on their way, and again for the server to drain. */
  settleMs: number;
  log: (line: string) => void;
};

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * HTTP ingest → engine → Socket.IO → N clients, against a bare server that pushes the very frames
 * the sidecar pushed at the same rate (so the ratio prices the sidecar's own work, not a difference
 * in bytes), and against a bare relay of the raw posts (the old anchor). The sidecar, the bare
 * servers, each side's clients and the load generator are separate processes. Rates rise on a
 * ladder, each rate tried on every side in turn so the machine's noise hits all of them, the sidecar
 * first so its frames are there to replay, until each side's p99 passes the ceiling twice in a row;
 * then a bisection or two narrows each side's maximum.
 */
export async function runPipelineSuite(options: PipelineSuiteOptions): Promise<PipelineResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'confwatch-bench-pipeline-'));
  const started: { stop(): Promise<void> }[] = [];
  try {
    const env = {
      ...process.env,
      SOURCE: 'none',
      SIDECAR_PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      INGEST_TOKEN: TOKEN,
      ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      DATABASE_URL: '',
    };
    const sidecar = await startListeningProcess('server/index.ts', { name: 'sidecar', env });
    started.push(sidecar);
    const startBare = async (mode: BareMode) => {
      const actor = startActor(here('./bare-server.ts'));
      started.push(actor);
      return { actor, url: await actor.call<string>('listen', { mode }) };
    };
    const bare = await startBare('replay');
    const rawRelay = await startBare('raw-relay');
    const loader = startActor(here('./pipeline-loader.ts'));
    started.push(loader);
    const setup: SetupParams = {
      url: sidecar.url,
      token: TOKEN,
      run: 'pipe',
      conferences: options.conferences,
      contactsPerConference: 2,
    };
    await loader.call('setup', setup);
    const sides: Side[] = [];
    for (const [mode, url] of [
      ['sidecar', sidecar.url],
      ['bare', bare.url],
      ['raw-relay', rawRelay.url],
    ] as const) {
      const clients = startActor(here('./pipeline-clients.ts'));
      started.push(clients);
      await clients.call('connect', {
        url,
        count: options.clients,
        mode,
        token: BENCH_ADMIN_TOKEN,
      } satisfies ConnectParams);
      const afterLoad = mode === 'bare' ? () => bare.actor.call('flush') : undefined;
      sides.push({ mode, url, clients, afterLoad });
    }
    const [ours, replaying] = sides as [Side, Side, Side];
    options.log(
      `pipeline: ${options.conferences} conferences set up, ${options.clients} clients on each side`,
    );

    const steps: PipelineStep[] = [];
    /** The sidecar's frames by rate, kept until the bare server has replayed them. */
    const recordings = new Map<number, Recording>();
    const runStep = async (side: Side, rate: number): Promise<PipelineStep> => {
      if (side === replaying) {
        // The bare server replays the sidecar's step at this rate: run that first if it is not there.
        if (!recordings.has(rate)) await runStep(ours, rate);
        await bare.actor.call('arm', recordings.get(rate));
        recordings.delete(rate);
      }
      const stepOptions = { ...options, run: 'pipe', token: TOKEN, record: side === ours };
      const { step, postTimes, frames } = await measureStep(side, loader, rate, stepOptions);
      if (side === ours) recordings.set(rate, { frames, postTimes });
      steps.push(step);
      options.log(
        `pipeline: ${side.mode.padEnd(9)} ${String(rate).padStart(6)}/s  p50 ${step.p50Ms} ms  p99 ${step.p99Ms} ms  ${step.pushedBytesPerEvent} B/event  ${step.sustained ? 'sustained' : 'NOT sustained'}`,
      );
      if (side === replaying) {
        const { planned, pushed } = await bare.actor.call<ReplayCount>('replayed');
        if (pushed < planned)
          options.log(`pipeline: bare      ${rate}/s replayed ${pushed} of the sidecar's ${planned} frames`);
      }
      return step;
    };
    // A side stops climbing after two failed steps in a row: one may be a spike of the shared machine.
    const failuresInARow = new Map(sides.map((side) => [side, 0]));
    const climbing = (side: Side) => failuresInARow.get(side)! < 2;
    for (const rate of options.ladder) {
      for (const side of sides) {
        // The sidecar runs while any side climbs: the bare server replays its frames.
        const due =
          side === ours ? climbing(ours) || climbing(replaying) || rate === REFERENCE_RATE : climbing(side);
        if (!due) continue;
        const sustained = (await runStep(side, rate)).sustained;
        failuresInARow.set(side, sustained ? 0 : failuresInARow.get(side)! + 1);
      }
      if (!sides.some(climbing) && rate >= REFERENCE_RATE) break;
    }
    for (let i = 0; i < options.bisections; i++) {
      for (const side of sides) {
        const rate = nextBisection(steps, side.mode);
        if (rate !== undefined) await runStep(side, rate);
      }
    }
    return summarizeSteps(steps, options.clients);
  } finally {
    for (const actor of started.reverse()) await actor.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
