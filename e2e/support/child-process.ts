import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';

const LOG_LINES = 400;

/** A server process the suite started, with the tail of its output kept for failure reports. */
export type Child = {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has gone. */
  exited: Promise<string>;
  hasExited(): boolean;
  log(): string;
};

const running = new Set<Child>();

// A worker that dies (or is stopped) must not leave servers holding the suite's fixed ports.
process.on('exit', () => {
  for (const child of running) child.process.kill('SIGKILL');
});

/** Starts `node --import tsx <entry>` in the repository root with exactly `env`. */
export function startNodeChild(name: string, entry: string, env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (stream: string) => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(`[${name} ${stream}] ${line}`);
      if (lines.length > LOG_LINES) lines.shift();
    }
  };
  proc.stdout?.on('data', keep('out'));
  proc.stderr?.on('data', keep('err'));
  let gone = false;
  const child: Child = {
    name,
    process: proc,
    exited: new Promise((resolve) => {
      proc.on('exit', (code, signal) => {
        gone = true;
        running.delete(child);
        resolve(signal ?? String(code));
      });
    }),
    hasExited: () => gone,
    log: () => lines.join('\n'),
  };
  running.add(child);
  return child;
}

/** Sends `signal` and waits for the process to go; escalates to SIGKILL after `graceMs`. */
export async function stopChild(
  child: Child,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 5_000,
): Promise<void> {
  if (child.hasExited()) return;
  child.process.kill(signal);
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/**
 * Polls `url` until it answers 200. Fails fast, with the child's output, if the child exits first,
 * and with its output if it never answers within `timeoutMs`.
 */
export async function waitForHttpOk(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.hasExited())
      throw new Error(`${child.name} exited (${await child.exited}) before ${url} answered:\n${child.log()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `${url} did not answer within ${timeoutMs} ms (${last}); ${child.name} said:\n${child.log()}`,
  );
}

/** Throws when something already listens on `port`: a stale run would answer in our place. */
export async function assertPortFree(port: number): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
  if (inUse)
    throw new Error(`port ${port} is already in use: stop whatever listens there (a stale e2e run?)`);
}
