import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SetupParams } from './pipeline-loader';
import { startActor, type Actor } from './rpc';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  describeExit,
  startListeningProcess,
  startProcess,
  type ListeningProcess,
} from '@/scripts/test-helpers/node-process';
import { BENCH_ADMIN_TOKEN, BENCH_TOKEN, BENCH_WALLBOARD_TOKEN } from './wire';

/** What the browser suite runs against: the real sidecar and web processes, and a load generator. */
export type BoardStack = {
  webUrl: string;
  sidecarUrl: string;
  loader: Actor;
  /** kill -9 the sidecar, as a crash would, leave it down for `downMs`, start it again on its port. */
  restartSidecar(downMs: number): Promise<void>;
  stop(): Promise<void>;
};

const UI_SOURCES = ['app', 'components', 'lib'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

const NEXT_BIN = fileURLToPath(new URL('../node_modules/next/dist/bin/next', import.meta.url));

/**
 * Builds the web app when there is no build at all. A stale build is measured as it is (others may
 * be serving it), with a warning: its figures are the last build's, not the sources'. The build
 * runs in a process group of its own that the bench kills when it is interrupted or exits.
 */
export async function ensureWebBuild(log: (line: string) => void): Promise<void> {
  const buildId = join('.next', 'BUILD_ID');
  if (existsSync(buildId)) {
    const sources = Math.max(...UI_SOURCES.filter(existsSync).map(newestMtime));
    if (sources > statSync(buildId).mtimeMs)
      log(
        'browser: warning: .next is older than app/, components/ or lib/; run npx next build for current figures',
      );
    return;
  }
  log('browser: no .next/BUILD_ID, running next build');
  const build = startProcess(process.execPath, [NEXT_BIN, 'build'], {
    name: 'next build',
    env: process.env,
    inheritOutput: true,
  });
  const status = await build.exited;
  if (status.code !== 0) throw new Error(`next build failed (${describeExit(status)})`);
}

/**
 * Starts a sidecar (no source, its own data directory), the production web server in front of it,
 * and the load generator, then sets up `conferences` three-party conferences on the board.
 */
export async function startBoardStack(run: string, conferences: number): Promise<BoardStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'confwatch-bench-browser-'));
  const started: { stop(): Promise<void> }[] = [];
  let sidecar: ListeningProcess | undefined;
  const stop = async () => {
    for (const s of started.reverse()) await s.stop();
    await sidecar?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const base = { ...process.env, HOST: '127.0.0.1', DATABASE_URL: '' };
  const startSidecar = (port: string) =>
    startListeningProcess('server/index.ts', {
      name: 'sidecar',
      env: {
        ...base,
        SOURCE: 'none',
        SIDECAR_PORT: port,
        DATA_DIR: dataDir,
        INGEST_TOKEN: BENCH_TOKEN,
        ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
        WALLBOARD_TOKEN: BENCH_WALLBOARD_TOKEN,
      },
    });
  try {
    sidecar = await startSidecar('0');
    const sidecarUrl = sidecar.url;
    const web = await startListeningProcess('server/web/index.ts', {
      name: 'web',
      env: { ...base, NODE_ENV: 'production', WEB_PORT: '0', SIDECAR_URL: sidecarUrl },
    });
    started.push(web);
    const loader = startActor(fileURLToPath(new URL('./pipeline-loader.ts', import.meta.url)));
    started.push(loader);
    const setup: SetupParams = {
      url: sidecarUrl,
      token: BENCH_TOKEN,
      run,
      conferences,
      contactsPerConference: 2,
    };
    await loader.call('setup', setup);
    return {
      webUrl: web.url,
      sidecarUrl,
      loader,
      async restartSidecar(downMs) {
        await sidecar?.stop('SIGKILL');
        await sleep(downMs);
        sidecar = await startSidecar(new URL(sidecarUrl).port);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A token of `role` from the sidecar's admin API, for a browser to sign in with (`?token=…`). */
export async function createBrowserToken(sidecarUrl: string, role: string): Promise<string> {
  const answer = await fetch(`${sidecarUrl}/api/admin/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role, name: `bench ${role}` }),
  });
  if (answer.status !== 201)
    throw new Error(`creating a ${role} token: HTTP ${answer.status} ${await answer.text()}`);
  return ((await answer.json()) as { token: string }).token;
}
