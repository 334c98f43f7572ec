import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv } from '@/server/test-helpers/node-entry';
import { assertPortFree, startNodeChild, stopChild, waitForHttpOk, type Child } from './child-process';

/** Several checkouts on one machine can run the suite at once with distinct `E2E_PORT_OFFSET`s. */
const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const SIDECAR_PORT = 4310 + PORT_OFFSET;
export const WEB_PORT = 3310 + PORT_OFFSET;
export const SIDECAR_URL = `http://127.0.0.1:${SIDECAR_PORT}`;
export const WEB_URL = `http://127.0.0.1:${WEB_PORT}`;
export const INGEST_TOKEN = 'e2e-ingest-token-0123456789';
/** The sidecar's ADMIN_TOKEN: the suite makes the tokens it signs browsers in with. */
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
export const CONSOLE_URL = 'https://example.my.connect.aws';
/** The sidecar's WALLBOARD_TOKEN: a kiosk link `/wallboard?token=…` made from the environment. */
export const WALLBOARD_TOKEN = 'e2e-wallboard-token-0123456789abcdef';
export const ENDED_GRACE_SECONDS = 5;
export const LONG_HOLD_SECONDS = 60;

/** The real sidecar and web server, started once per Playwright worker. */
export type Stack = {
  dataDir(): string;
  /** kill -9 the sidecar, as a crash would. */
  killSidecar(): Promise<void>;
  /** Start the sidecar again on the same data dir and wait for /healthz. */
  startSidecar(): Promise<void>;
  /** kill -9, then start again: the event log and the acknowledgements must survive. */
  restartSidecar(): Promise<void>;
  /** A sidecar with an empty data dir: for specs that count everything on the board. */
  resetSidecar(): Promise<void>;
  /**
   * Restarts the sidecar (same data dir) with these variables added to its environment, e.g. an
   * OpenID provider's settings; `{}` goes back to the suite's own.
   */
  useSidecarEnv(extra: Record<string, string>): Promise<void>;
  /** Runs after every reset (an empty store has no sessions: signed-in browsers sign in again). */
  afterReset(listener: () => Promise<void>): () => void;
  /** The tail of both servers' output. */
  logs(): string;
  stop(): Promise<void>;
};

function sidecarEnv(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(),
    HOST: '127.0.0.1',
    SOURCE: 'none',
    DATA_DIR: dataDir,
    INGEST_TOKEN,
    ADMIN_TOKEN,
    WALLBOARD_TOKEN,
    SIDECAR_PORT: String(SIDECAR_PORT),
    ENDED_GRACE_SECONDS: String(ENDED_GRACE_SECONDS),
    LONG_HOLD_SECONDS: String(LONG_HOLD_SECONDS),
    CONNECT_CONSOLE_URL: CONSOLE_URL,
    ...extra,
  };
}

function webEnv(): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(),
    HOST: '127.0.0.1',
    WEB_PORT: String(WEB_PORT),
    SIDECAR_URL,
    NODE_ENV: 'production',
  };
}

const newDataDir = () => mkdtempSync(join(tmpdir(), 'confwatch-e2e-'));

/** Starts the sidecar, then the web server in front of it; both answer before this resolves. */
export async function startStack(): Promise<Stack> {
  await assertPortFree(SIDECAR_PORT);
  await assertPortFree(WEB_PORT);
  let dataDir = newDataDir();
  let sidecar: Child | undefined;
  let web: Child | undefined;
  let extraEnv: Record<string, string> = {};
  // The output of the sidecar before its last restart: a failure right after a restart needs both.
  let previousSidecarLog = '';
  const resetListeners = new Set<() => Promise<void>>();

  async function startSidecar(): Promise<void> {
    if (sidecar && !sidecar.hasExited()) throw new Error('the sidecar is already running');
    if (sidecar) previousSidecarLog = sidecar.log();
    sidecar = startNodeChild('sidecar', 'server/index.ts', sidecarEnv(dataDir, extraEnv));
    await waitForHttpOk(`${SIDECAR_URL}/healthz`, sidecar, 30_000);
  }

  async function killSidecar(): Promise<void> {
    if (sidecar) await stopChild(sidecar, 'SIGKILL');
  }

  const stack: Stack = {
    dataDir: () => dataDir,
    killSidecar,
    startSidecar,
    async restartSidecar() {
      await killSidecar();
      await startSidecar();
    },
    async resetSidecar() {
      await killSidecar();
      rmSync(dataDir, { recursive: true, force: true });
      dataDir = newDataDir();
      await startSidecar();
      for (const listener of resetListeners) await listener();
    },
    async useSidecarEnv(extra) {
      extraEnv = extra;
      await killSidecar();
      await startSidecar();
    },
    afterReset(listener) {
      resetListeners.add(listener);
      return () => void resetListeners.delete(listener);
    },
    logs: () => [previousSidecarLog, sidecar?.log() ?? '', web?.log() ?? ''].filter(Boolean).join('\n'),
    async stop() {
      await Promise.all([web && stopChild(web), sidecar && stopChild(sidecar)]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  try {
    await startSidecar();
    web = startNodeChild('web', 'server/web/index.ts', webEnv());
    // Through the proxy: proves the web server is up and reaches the sidecar.
    await waitForHttpOk(`${WEB_URL}/api/auth/methods`, web, 60_000);
    await waitForHttpOk(`${WEB_URL}/login`, web, 30_000);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}
