import type { ChildProcess } from 'node:child_process';
import { CONFIG_EXIT_CODE } from '../server/env-parse';

export type SupervisorOptions = {
  /** Starts one sidecar process. */
  spawn: () => ChildProcess;
  log: (line: string) => void;
  /** The sidecar refused its configuration (exit code 2): restarting cannot help. */
  onConfigError: () => void;
};

export type Supervisor = {
  readonly child: ChildProcess | undefined;
  /** Stops restarting and sends SIGTERM; resolves once the sidecar has exited. */
  stop(): Promise<void>;
};

/** A sidecar that stayed up this long had a real run: the next failure restarts it at once. */
const HEALTHY_RUN_MS = 30_000;
const MAX_DELAY_MS = 30_000;

/**
 * Keeps one sidecar running: restarts it when it dies — after 1 s, doubling up to 30 s while it
 * keeps dying soon after starting — except on exit code 2 (a configuration problem, already
 * explained in one line on its stderr), which stops everything.
 */
export function superviseSidecar(options: SupervisorOptions): Supervisor {
  let child: ChildProcess | undefined;
  let stopping = false;
  let quickFailures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    const startedAt = Date.now();
    const current = options.spawn();
    child = current;
    options.log(`confwatch: sidecar started (pid ${current.pid})`);
    current.on('exit', (code, signal) => {
      if (child === current) child = undefined;
      if (stopping) return;
      if (code === CONFIG_EXIT_CODE) {
        options.log('confwatch: the sidecar refused its configuration (see above); stopping.');
        options.onConfigError();
        return;
      }
      quickFailures = Date.now() - startedAt >= HEALTHY_RUN_MS ? 0 : quickFailures + 1;
      const delay = Math.min(1_000 * 2 ** Math.max(0, quickFailures - 1), MAX_DELAY_MS);
      options.log(
        `confwatch: the sidecar exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s`,
      );
      timer = setTimeout(start, delay);
    });
  };
  start();
  return {
    get child() {
      return child;
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      await exited;
    },
  };
}
