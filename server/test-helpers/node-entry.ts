import { createServer } from 'node:net';
import {
  runNodeProcess,
  startNodeProcess,
  type NodeProcess,
  type ProcessResult,
} from '@/scripts/test-helpers/node-process';
import { EnvSchema } from '@/server/env';
import { WebEnvSchema } from '@/server/web/env';

/** One of confwatch's entry points (`server/index.ts`, `scripts/start.ts`, …) as its own OS process. */
export type EntryProcess = NodeProcess;

/**
 * The test's own environment without any variable confwatch reads, so that only `env` configures
 * the process: a developer's DATABASE_URL or SIM_* settings must not leak into a test.
 */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const key of [...Object.keys(EnvSchema.shape), ...Object.keys(WebEnvSchema.shape)]) delete base[key];
  return { ...base, ...env };
}

/** Starts an entry point with only `env` for configuration, keeping all it prints (`waitFor`). */
export function startEntry(
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
): EntryProcess {
  return startNodeProcess(entry, { args, env: cleanEnv(env), keepOutput: true });
}

/** Runs an entry point to its end (killed after `timeoutMs`). */
export function runEntry(
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 100_000,
): Promise<ProcessResult> {
  return runNodeProcess(entry, { args, env: cleanEnv(env) }, timeoutMs);
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
