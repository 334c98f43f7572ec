import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeExit, startProcess, type NodeProcess } from '@/scripts/test-helpers/node-process';

/**
 * Starts `npm run bench -- --quick …`, interrupts it once one of its servers is up, and lists every
 * process of that run still alive afterwards. Each process of the run is found by a marker in its
 * environment (every child inherits it), so other runs on the machine are never mistaken for ours.
 */

export type Interruption = 'ctrl-c' | 'sigterm';

export type InterruptReport = {
  /** What had started when the signal went out: `pid cmdline` of each marked process. */
  before: string[];
  /** Marked processes still alive after the run ended: must be empty. */
  left: string[];
  exit: string;
  output: string;
};

type MarkedProcess = { pid: number; cmdline: string };

function listMarked(marker: string): MarkedProcess[] {
  const found: MarkedProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').join(' ').trim();
      // A zombie (exited, not yet reaped) has an empty cmdline and holds nothing.
      if (cmdline !== '') found.push({ pid: Number(entry), cmdline });
    } catch {
      // Gone while we looked, or not ours to read.
    }
  }
  return found;
}

/** `npm run bench -- --quick <args>`, every process of it marked by a fresh marker in its environment. */
function startMarkedBench(args: readonly string[], env: Record<string, string> = {}) {
  const marker = `CONFWATCH_INTERRUPT_CHECK=${randomUUID()}`;
  const [key, value] = marker.split('=') as [string, string];
  const npm = startProcess('npm', ['run', '--silent', 'bench', '--', '--quick', ...args], {
    name: 'bench',
    env: { ...process.env, ...env, [key]: value },
    keepOutput: true,
  });
  return { npm, marker };
}

const outputOf = (npm: NodeProcess) => npm.stdout() + npm.stderr();

/** Kills whatever of a marked run is still alive (the check must never leave anything either). */
function killMarked(marker: string): void {
  for (const p of listMarked(marker)) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * `ctrl-c` sends SIGINT to the whole foreground group of the run, as a terminal does; `sigterm`
 * sends SIGTERM to the bench's own process only, as `kill <pid>` does.
 */
export async function interruptBench(options: {
  args: string[];
  /** A process whose command line contains this must be running before the signal goes out. */
  waitFor: string;
  how: Interruption;
  timeoutMs: number;
}): Promise<InterruptReport> {
  const { npm, marker } = startMarkedBench(options.args);
  const exited = npm.exited.then(describeExit);
  const deadline = Date.now() + options.timeoutMs;
  let before: MarkedProcess[] = [];
  try {
    while (!before.some((p) => p.cmdline.includes(options.waitFor))) {
      if (Date.now() > deadline)
        throw new Error(`no ${options.waitFor} within ${options.timeoutMs} ms:\n${outputOf(npm)}`);
      if (npm.hasExited())
        throw new Error(`the bench ended before ${options.waitFor} started:\n${outputOf(npm)}`);
      await sleep(100);
      before = listMarked(marker);
    }
    if (options.how === 'ctrl-c') process.kill(-npm.child.pid!, 'SIGINT');
    else {
      const bench = before.find((p) => p.cmdline.includes('bench/run.ts') && p.cmdline.includes('loader'));
      if (!bench) throw new Error(`no bench process among:\n${before.map((p) => p.cmdline).join('\n')}`);
      process.kill(bench.pid, 'SIGTERM');
    }
    const exit = await Promise.race([exited, sleep(Math.max(0, deadline - Date.now()), 'still running')]);
    // Children killed by the parent are gone within moments; give the kernel a breath to reap them.
    await sleep(500);
    const left = listMarked(marker);
    return {
      before: before.map((p) => `${p.pid} ${p.cmdline}`),
      left: left.map((p) => `${p.pid} ${p.cmdline}`),
      exit,
      output: outputOf(npm),
    };
  } finally {
    killMarked(marker);
  }
}

export type RunReport = {
  /** The exit code or signal, or `still running` when it outlived the time given. */
  exit: string;
  elapsedMs: number;
  output: string;
  /** Marked processes still alive after the run ended: must be empty. */
  left: string[];
};

/** Runs `npm run bench -- --quick <args>` with `env` on top, to its end or for `timeoutMs` at most. */
export async function runBench(options: {
  args: string[];
  env: Record<string, string>;
  timeoutMs: number;
}): Promise<RunReport> {
  const started = Date.now();
  const { npm, marker } = startMarkedBench(options.args, options.env);
  try {
    const exit = await Promise.race([
      npm.exited.then(describeExit),
      sleep(options.timeoutMs, 'still running'),
    ]);
    const elapsedMs = Date.now() - started;
    await sleep(500);
    const left = listMarked(marker).map((p) => `${p.pid} ${p.cmdline}`);
    return { exit, elapsedMs, output: outputOf(npm), left };
  } finally {
    killMarked(marker);
  }
}
