import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

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
  const marker = `CONFWATCH_INTERRUPT_CHECK=${randomUUID()}`;
  const [key, value] = marker.split('=') as [string, string];
  const npm = spawn('npm', ['run', '--silent', 'bench', '--', '--quick', ...options.args], {
    env: { ...process.env, [key]: value },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<string>((resolve) =>
    npm.once('exit', (code, signal) => resolve(signal ?? String(code))),
  );
  const deadline = Date.now() + options.timeoutMs;
  let before: MarkedProcess[] = [];
  try {
    while (!before.some((p) => p.cmdline.includes(options.waitFor))) {
      if (Date.now() > deadline)
        throw new Error(`no ${options.waitFor} within ${options.timeoutMs} ms:\n${output}`);
      if (npm.exitCode !== null)
        throw new Error(`the bench ended before ${options.waitFor} started:\n${output}`);
      await sleep(100);
      before = listMarked(marker);
    }
    if (options.how === 'ctrl-c') process.kill(-npm.pid!, 'SIGINT');
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
      output,
    };
  } finally {
    // Whatever the outcome, nothing of this run outlives the check.
    for (const p of listMarked(marker)) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}
