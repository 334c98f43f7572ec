import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The one way tests, the browser suite and the benchmark start our servers and actors as OS
 * processes: `node --import tsx <entry>` in the repository root, in a process group of its own, so
 * that stopping it stops everything it started and an interrupted run leaves nothing behind.
 */

/** A process this helper started, with the tail of its output kept for failure reports. */
export type NodeProcess = {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has gone. */
  exited: Promise<string>;
  hasExited(): boolean;
  /** The last lines it printed, each marked `[name out]` or `[name err]`. */
  log(): string;
  /** Calls `fn` with every line it prints from now on; returns the way to stop. */
  onLine(fn: (line: string) => void): () => void;
  /**
   * Sends `signal` to its process group and waits for it to go; kills the group after `graceMs`.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
};

export type NodeProcessOptions = {
  /** In log lines and errors; the entry by default. */
  name?: string;
  /** Exactly the environment it gets. */
  env: NodeJS.ProcessEnv;
  /** Node flags before `--import tsx`. */
  execArgv?: string[];
  /** An IPC channel, for actors that take requests from the parent (`child.send`). */
  ipc?: boolean;
  /** Print its output as it comes instead of keeping a tail (`log()` is then empty). */
  inheritOutput?: boolean;
};

const LOG_LINES = 400;
const running = new Set<NodeProcess>();

/** Starts `node [execArgv] --import tsx <entry>` as the leader of a new process group. */
export function startNodeProcess(entry: string, options: NodeProcessOptions): NodeProcess {
  installCleanup();
  const name = options.name ?? entry;
  const output = options.inheritOutput ? 'inherit' : 'pipe';
  const child = spawn(process.execPath, [...(options.execArgv ?? []), '--import', 'tsx', entry], {
    cwd: process.cwd(),
    env: options.env,
    stdio: ['ignore', output, output, ...(options.ipc ? ['ipc' as const] : [])],
    detached: true,
  });
  const lines: string[] = [];
  const watchers = new Set<(line: string) => void>();
  const keep = (stream: string) => {
    let partial = '';
    return (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop()!;
      for (const line of parts) {
        if (line.trim() === '') continue;
        lines.push(`[${name} ${stream}] ${line}`);
        if (lines.length > LOG_LINES) lines.shift();
        for (const watch of watchers) watch(line);
      }
    };
  };
  child.stdout?.on('data', keep('out'));
  child.stderr?.on('data', keep('err'));
  let gone = false;
  const proc: NodeProcess = {
    name,
    child,
    exited: new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        gone = true;
        running.delete(proc);
        resolve(signal ?? String(code));
      });
    }),
    hasExited: () => gone,
    log: () => lines.join('\n'),
    async stop(signal = 'SIGTERM', graceMs = 5_000) {
      if (gone) return;
      signalGroup(child, signal);
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
      await proc.exited;
      clearTimeout(timer);
    },
    onLine(fn) {
      watchers.add(fn);
      return () => watchers.delete(fn);
    },
  };
  running.add(proc);
  return proc;
}

/** A started process that printed `listening on <url>`. */
export type ListeningProcess = NodeProcess & { url: string };

/**
 * Starts `entry` and resolves once it prints "listening on <url>". If it exits first or stays
 * silent for `timeoutMs`, it is stopped and the error carries its output.
 */
export async function startListeningProcess(
  entry: string,
  options: NodeProcessOptions,
  timeoutMs = 60_000,
): Promise<ListeningProcess> {
  const proc = startNodeProcess(entry, { ...options, inheritOutput: false });
  let unwatch = () => {};
  let timer: NodeJS.Timeout | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      unwatch = proc.onLine((line) => {
        const match = /listening on (https?:\/\/\S+)/.exec(line);
        if (match) resolve(match[1]!);
      });
      timer = setTimeout(
        () => reject(new Error(`${proc.name} did not start within ${timeoutMs} ms:\n${proc.log()}`)),
        timeoutMs,
      );
      void proc.exited.then((code) =>
        reject(new Error(`${proc.name} exited (${code}) before listening:\n${proc.log()}`)),
      );
    });
    return Object.assign(proc, { url });
  } catch (error) {
    await proc.stop('SIGKILL');
    throw error;
  } finally {
    unwatch();
    clearTimeout(timer);
  }
}

/**
 * Polls `url` until it answers 200. Fails fast, with the process's output, if it exits first, and
 * with its output if it never answers within `timeoutMs`.
 */
export async function waitForHttpOk(url: string, proc: NodeProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (proc.hasExited())
      throw new Error(`${proc.name} exited (${await proc.exited}) before ${url} answered:\n${proc.log()}`);
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
    `${url} did not answer within ${timeoutMs} ms (${last}); ${proc.name} said:\n${proc.log()}`,
  );
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has already gone.
  }
}

function killAll(): void {
  for (const proc of running) signalGroup(proc.child, 'SIGKILL');
  running.clear();
}

let installed = false;

/**
 * Children in their own groups do not get the terminal's Ctrl-C, so the parent kills them when it
 * exits (normally, by `process.exit` or on an uncaught error) and on SIGINT, SIGTERM and SIGHUP.
 * A signal nobody else listens for is then raised again, so the parent ends as it would have.
 */
function installCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAll();
      if (process.listenerCount(signal) > 1) return;
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
