import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConnectParams } from './pipeline-clients';
import { nextBisection, REFERENCE_RATE, summarizeSteps } from './pipeline-ladder';
import type { SetupParams } from './pipeline-loader';
import { measureStep, type Side } from './pipeline-step';
import type { PipelineResult, PipelineStep } from './results';
import { startActor } from './rpc';
import { startListeningProcess } from '@/scripts/test-helpers/node-process';
import { BENCH_TOKEN as TOKEN } from './wire';

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
 * HTTP ingest → engine → Socket.IO → N clients, against a bare relay of the same posts. The
 * sidecar, the bare server, each side's clients and the load generator are separate processes.
 * Rates rise on a ladder, each rate tried on both sides in turn so the machine's noise hits both,
 * until each side's p99 passes the ceiling twice in a row; then a bisection or two narrows each
 * side's maximum.
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
      DATABASE_URL: '',
    };
    const sidecar = await startListeningProcess('server/index.ts', { name: 'sidecar', env });
    started.push(sidecar);
    const bare = await startListeningProcess(here('./bare-server.ts'), { name: 'bare', env: process.env });
    started.push(bare);
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
    for (const [mode, server] of [
      ['sidecar', sidecar],
      ['bare', bare],
    ] as const) {
      const clients = startActor(here('./pipeline-clients.ts'));
      started.push(clients);
      await clients.call('connect', {
        url: server.url,
        count: options.clients,
        mode,
      } satisfies ConnectParams);
      sides.push({ mode, server, clients });
    }
    options.log(
      `pipeline: ${options.conferences} conferences set up, ${options.clients} clients on each side`,
    );

    const steps: PipelineStep[] = [];
    const runStep = async (side: Side, rate: number) => {
      const step = await measureStep(side, loader, rate, { ...options, run: 'pipe', token: TOKEN });
      steps.push(step);
      options.log(
        `pipeline: ${side.mode.padEnd(7)} ${String(rate).padStart(6)}/s  p50 ${step.p50Ms} ms  p99 ${step.p99Ms} ms  ${step.sustained ? 'sustained' : 'NOT sustained'}`,
      );
      return step;
    };
    // A side stops climbing after two failed steps in a row: one may be a spike of the shared machine.
    const failuresInARow = new Map(sides.map((side) => [side, 0]));
    const climbing = (side: Side) => failuresInARow.get(side)! < 2;
    for (const rate of options.ladder) {
      for (const side of sides) {
        if (!climbing(side) && !(side.mode === 'sidecar' && rate === REFERENCE_RATE)) continue;
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
