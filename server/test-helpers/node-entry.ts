import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { EnvSchema } from '@/server/env';
import { WebEnvSchema } from '@/server/web/env';

/** One of confwatch's entry points (`server/index.ts`, `scripts/start.ts`, …) as its own OS process. */
export type EntryProcess = {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first match of `pattern` in stdout + stderr; rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
};

/** The test's own environment without any variable confwatch reads, so only `env` configures it. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const key of [...Object.keys(EnvSchema.shape), ...Object.keys(WebEnvSchema.shape)]) delete base[key];
  return { ...base, ...env };
}

export function startEntry(
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
): EntryProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: process.cwd(),
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  child.stdout!.on('data', (d: Buffer) => ((stdout += d.toString()), changed()));
  child.stderr!.on('data', (d: Buffer) => ((stderr += d.toString()), changed()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout + stderr);
          if (!match) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(match);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}

/** Runs an entry point to its end (killed after `timeoutMs`). */
export async function runEntry(
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 100_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = startEntry(entry, args, env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  const { code } = await run.exited;
  clearTimeout(timer);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** A TCP port nothing listens on right now. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Holds a port (as another program would) until `release()`. */
export async function holdPort(): Promise<{ port: number; release(): Promise<void> }> {
  // Whoever connects (a health check) is hung up on, so that closing does not wait for them.
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
