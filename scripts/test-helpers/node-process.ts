import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The one way tests, the browser suite and the benchmark start processes: our servers, actors and
 * scripts as `node --import tsx <entry>`, or any other command (`next build`), from the repository
 * root, each in a process group of its own, so that stopping it stops everything it started and an
 * interrupted run leaves nothing behind.
 */

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** How a process ended: its exit code, or the signal that ended it. */
export type ExitStatus = { code: number | null; signal: NodeJS.Signals | null };

/** A process this helper started, with the tail of its output kept for failure reports. */
export type NodeProcess = {
  name: string;
  child: ChildProcess;
  /** Resolves once the process has gone. */
  exited: Promise<ExitStatus>;
  hasExited(): boolean;
  /** The last lines it printed, each marked `[name out]` or `[name err]`. */
  log(): string;
  /** Everything it printed on stdout, as printed (only with `keepOutput`). */
  stdout(): string;
  /** Everything it printed on stderr, as printed (only with `keepOutput`). */
  stderr(): string;
  /**
   * Resolves with the first match of `pattern` in everything it printed (stdout, then stderr);
   * rejects with its output after `timeoutMs`. Needs `keepOutput`.
   */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Calls `fn` with every line it prints from now on; returns the way to stop. */
  onLine(fn: (line: string) => void): () => void;
  /**
   * Sends `signal` to its process group and waits for it to go; kills the group after `graceMs`.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
};

export type NodeProcessOptions = {
  /** In log lines and errors; the entry (or command) by default. */
  name?: string;
  /** Exactly the environment it gets; the parent's by default. */
  env?: NodeJS.ProcessEnv;
  /** Arguments after the entry. */
  args?: readonly string[];
  /** Node flags before `--import tsx`. */
  execArgv?: string[];
  /** An IPC channel, for actors that take requests from the parent (`child.send`). */
  ipc?: boolean;
  /** Print its output as it comes instead of keeping a tail (`log()` is then empty). */
  inheritOutput?: boolean;
  /** Keep everything it prints, for `stdout()`, `stderr()` and `waitFor`, besides the tail. */
  keepOutput?: boolean;
  /** What it reads on standard input (a pipe closed after it); no standard input when not given. */
  input?: string;
};

const LOG_LINES = 400;
const running = new Set<NodeProcess>();

/** Starts `node [execArgv] --import tsx <entry> [args]` as the leader of a new process group. */
export function startNodeProcess(entry: string, options: NodeProcessOptions): NodeProcess {
  const { execArgv = [], args = [], ...rest } = options;
  return startProcess(process.execPath, [...execArgv, '--import', 'tsx', entry, ...args], {
    ...rest,
    name: options.name ?? entry,
  });
}

/** Starts `command [args]` as the leader of a new process group (`execArgv` does not apply). */
export function startProcess(
  command: string,
  args: readonly string[],
  options: Omit<NodeProcessOptions, 'args' | 'execArgv'>,
): NodeProcess {
  installCleanup();
  const name = options.name ?? command;
  const output = options.inheritOutput ? 'inherit' : 'pipe';
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: options.env ?? process.env,
    stdio: [
      options.input === undefined ? 'ignore' : 'pipe',
      output,
      output,
      ...(options.ipc ? ['ipc' as const] : []),
    ],
    detached: true,
  });
  if (options.input !== undefined) child.stdin!.end(options.input);
  const lines: string[] = [];
  const kept = { out: '', err: '' };
  const watchers = new Set<(line: string) => void>();
  const printed = new Set<() => void>();
  const keep = (stream: 'out' | 'err') => {
    let partial = '';
    return (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (options.keepOutput) {
        kept[stream] += text;
        for (const check of printed) check();
      }
      const parts = (partial + text).split('\n');
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
  const exited = new Promise<ExitStatus>((resolve) => {
    // A command that cannot be started (ENOENT) emits `error` and never `exit`.
    child.on('error', () => {
      if (child.exitCode === null && child.pid === undefined) {
        gone = true;
        running.delete(proc);
        resolve({ code: null, signal: null });
      }
    });
    child.once('exit', (code, signal) => {
      gone = true;
      running.delete(proc);
      resolve({ code, signal });
    });
  });
  const proc: NodeProcess = {
    name,
    child,
    exited,
    hasExited: () => gone,
    log: () => lines.join('\n'),
    stdout: () => kept.out,
    stderr: () => kept.err,
    waitFor(pattern, timeoutMs) {
      if (!options.keepOutput) throw new Error(`${name}: waitFor needs keepOutput`);
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(kept.out + kept.err);
          if (!match) return;
          printed.delete(check);
          clearTimeout(timer);
          resolve(match);
        };
        const timer = setTimeout(() => {
          printed.delete(check);
          reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${kept.out}\n${kept.err}`));
        }, timeoutMs);
        printed.add(check);
        check();
      });
    },
    async stop(signal = 'SIGTERM', graceMs = 5_000) {
      if (gone) return;
      signalGroup(child, signal);
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
      await exited;
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

/** What a process that ran to its end printed, and how it ended. */
export type ProcessResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs `entry` (as `startNodeProcess` does) to its end and returns its whole output; its group is
 * killed after `timeoutMs`.
 */
export async function runNodeProcess(
  entry: string,
  options: NodeProcessOptions,
  timeoutMs = 100_000,
): Promise<ProcessResult> {
  const proc = startNodeProcess(entry, { ...options, inheritOutput: false, keepOutput: true });
  const timer = setTimeout(() => signalGroup(proc.child, 'SIGKILL'), timeoutMs);
  // `close` comes after `exit` once stdout and stderr have ended: the output is then complete.
  const closed = new Promise<void>((resolve) => proc.child.once('close', () => resolve()));
  const { code } = await proc.exited;
  await closed;
  clearTimeout(timer);
  return { code, stdout: proc.stdout(), stderr: proc.stderr() };
}

/** How a process ended, for messages: its exit code or its signal. */
export function describeExit({ code, signal }: ExitStatus): string {
  return signal ?? String(code);
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
      void proc.exited.then((status) =>
        reject(new Error(`${proc.name} exited (${describeExit(status)}) before listening:\n${proc.log()}`)),
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
      throw new Error(
        `${proc.name} exited (${describeExit(await proc.exited)}) before ${url} answered:\n${proc.log()}`,
      );
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
