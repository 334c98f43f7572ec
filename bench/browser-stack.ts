import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SetupParams } from './pipeline-loader';
import { startActor, type Actor } from './rpc';
import { describeExit, startListeningProcess, startProcess } from '@/scripts/test-helpers/node-process';
import { BENCH_ADMIN_TOKEN, BENCH_TOKEN } from './wire';

/** What the browser suite runs against: the real sidecar and web processes, and a load generator. */
export type BoardStack = {
  webUrl: string;
  sidecarUrl: string;
  loader: Actor;
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
  const stop = async () => {
    for (const s of started.reverse()) await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const base = { ...process.env, HOST: '127.0.0.1', DATABASE_URL: '' };
    const sidecar = await startListeningProcess('server/index.ts', {
      name: 'sidecar',
      env: {
        ...base,
        SOURCE: 'none',
        SIDECAR_PORT: '0',
        DATA_DIR: dataDir,
        INGEST_TOKEN: BENCH_TOKEN,
        ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      },
    });
    started.push(sidecar);
    const web = await startListeningProcess('server/web/index.ts', {
      name: 'web',
      env: { ...base, NODE_ENV: 'production', WEB_PORT: '0', SIDECAR_URL: sidecar.url },
    });
    started.push(web);
    const loader = startActor(fileURLToPath(new URL('./pipeline-loader.ts', import.meta.url)));
    started.push(loader);
    const setup: SetupParams = {
      url: sidecar.url,
      token: BENCH_TOKEN,
      run,
      conferences,
      contactsPerConference: 2,
    };
    await loader.call('setup', setup);
    return { webUrl: web.url, sidecarUrl: sidecar.url, loader, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
