import type { ChildProcess } from 'node:child_process';
import { startNodeProcess } from '@/scripts/test-helpers/node-process';

/**
 * A tiny request/reply protocol over Node's IPC channel, so each benchmark actor (server, clients,
 * load generator) runs on its own event loop and the runner only tells it what to do.
 */

type Request = { id: number; method: string; params: unknown };
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export type Actor = {
  child: ChildProcess;
  call<T>(method: string, params?: unknown): Promise<T>;
  /** Asks the actor to exit and waits; kills it if it has not gone within the grace time. */
  stop(graceMs?: number): Promise<void>;
};

/** Starts `entry` (a .ts module run through tsx) as an actor, in a process group of its own. */
export function startActor(entry: string, execArgv: string[] = []): Actor {
  const proc = startNodeProcess(entry, { env: process.env, execArgv, ipc: true, inheritOutput: true });
  const child = proc.child;
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let exited = false;
  child.on('message', (raw) => {
    const reply = raw as Reply;
    const waiter = waiting.get(reply.id);
    if (!waiter) return;
    waiting.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new Error(reply.error));
  });
  child.on('exit', (code, signal) => {
    exited = true;
    for (const waiter of waiting.values()) waiter.reject(new Error(`${entry} exited (${signal ?? code})`));
    waiting.clear();
  });
  return {
    child,
    call<T>(method: string, params?: unknown): Promise<T> {
      if (exited) return Promise.reject(new Error(`${entry} has exited`));
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, method, params } satisfies Request);
      });
    },
    async stop(graceMs = 5_000) {
      if (exited) return;
      child.disconnect();
      const timer = setTimeout(() => void proc.stop('SIGKILL'), graceMs);
      await proc.exited;
      clearTimeout(timer);
    },
  };
}

export type Handlers = Record<string, (params: never) => unknown>;

/** The actor's side: answers each request with its handler's result; exits when the runner lets go. */
export function serveActor(handlers: Handlers, onExit: () => Promise<void> | void = () => {}): void {
  process.on('message', (raw) => {
    const { id, method, params } = raw as Request;
    const handler = handlers[method];
    const send = (reply: Reply) => process.send?.(reply);
    if (!handler) return send({ id, ok: false, error: `unknown method ${method}` });
    Promise.resolve()
      .then(() => handler(params as never))
      .then(
        (value) => send({ id, ok: true, value }),
        (error: unknown) =>
          send({
            id,
            ok: false,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
      );
  });
  process.on('disconnect', () => {
    void Promise.resolve(onExit()).finally(() => process.exit(0));
  });
}
