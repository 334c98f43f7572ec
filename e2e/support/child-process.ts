import { connect } from 'node:net';
import { startNodeProcess, type NodeProcess } from '@/scripts/test-helpers/node-process';

/**
 * The stack's servers as processes: the shared helper (scripts/test-helpers/node-process.ts), which
 * kills their process groups when the worker exits, and a check that the suite's fixed ports are free.
 */
export { waitForHttpOk } from '@/scripts/test-helpers/node-process';
export type Child = NodeProcess;

/** Starts `node --import tsx <entry>` in the repository root with exactly `env`. */
export function startNodeChild(name: string, entry: string, env: NodeJS.ProcessEnv): Child {
  return startNodeProcess(entry, { name, env });
}

/** Sends `signal` and waits for the process to go; escalates to SIGKILL after `graceMs`. */
export function stopChild(child: Child, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<void> {
  return child.stop(signal, graceMs);
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
