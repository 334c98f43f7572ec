/**
 * `npm start` (and `npm run dev`): checks both processes' environments, builds the web app if
 * needed, then runs the sidecar and the web server side by side, restarting the sidecar if it
 * dies. Ctrl-C stops both. `--sidecar-only` runs just the supervised sidecar (for a host whose web
 * process runs elsewhere, and for the restart tests, which cannot build the web app).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkEnvFiles, parseEnvSettings } from '../server/env';
import { EnvError } from '../server/env-parse';
import { isLoopbackHost } from '../server/exposure';
import { parseWebEnv, type WebEnv } from '../server/web/env';
import { superviseSidecar } from './sidecar-supervisor';

const dev = process.argv.includes('--dev');
const sidecarOnly = process.argv.includes('--sidecar-only');
const root = process.cwd();

/** Both environments, checked before anything starts: every bad variable of either, one line each. */
function checkEnvironments(): { web: WebEnv; sidecarEnv: NodeJS.ProcessEnv } {
  const problems: string[] = [];
  const collect = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof EnvError)) throw error;
      for (const line of error.lines) if (!problems.includes(line)) problems.push(line);
      return undefined;
    }
  };
  const web = collect(() => parseWebEnv({ ...process.env, NODE_ENV: dev ? 'development' : 'production' }));
  // The sidecar listens where the web process looks for it, and on loopback only: the pages'
  // headers and path filter are the web process's, so only SIDECAR_HOST may put it on a network.
  const sidecarEnv = {
    ...process.env,
    ...(web
      ? {
          SIDECAR_PORT: web.sidecarUrl.port || '4000',
          HOST: isLoopbackHost(web.host) ? web.host : '127.0.0.1',
        }
      : {}),
  };
  collect(() => checkEnvFiles(parseEnvSettings(sidecarEnv)));
  if (!web || problems.length > 0) throw new EnvError(problems);
  return { web, sidecarEnv };
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function buildIfStale(): void {
  const buildId = join(root, '.next', 'BUILD_ID');
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = Math.max(
    ...['app', 'components', 'lib', 'next.config.js', 'package-lock.json'].map((p) =>
      newestMtime(join(root, p)),
    ),
  );
  if (built > sources) return;
  console.log('confwatch: building the web app (next build)…');
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error('confwatch: the build failed; see above.');
    process.exit(1);
  }
}

function run(entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry], { stdio: 'inherit', cwd: root, env });
}

async function waitForSidecar(origin: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

async function main(): Promise<void> {
  const { web, sidecarEnv } = checkEnvironments();
  const sidecarUrl = web.sidecarUrl.origin;
  if (!dev && !sidecarOnly) buildIfStale();
  let stopping = false;
  const started: { web?: ChildProcess } = {};
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const webServer = started.web;
    const webExited =
      webServer && webServer.exitCode === null && webServer.signalCode === null
        ? new Promise((resolve) => webServer.once('exit', resolve))
        : undefined;
    webServer?.kill('SIGTERM');
    // Whatever hangs on stopping, the exit code still says why we stopped.
    setTimeout(() => process.exit(code), 5_000).unref();
    await Promise.all([supervisor.stop(), webExited]);
    process.exit(code);
  };
  const supervisor = superviseSidecar({
    spawn: () => run('server/index.ts', sidecarEnv),
    log: (line) => console.error(line),
    onConfigError: () => void shutdown(2),
  });
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  if (!(await waitForSidecar(sidecarUrl, 60_000))) {
    if (stopping) return;
    console.error(`confwatch: the sidecar did not answer on ${sidecarUrl} within 60 s`);
    return void shutdown(1);
  }
  if (stopping) return;
  if (sidecarOnly) {
    console.log(`\n  confwatch sidecar is running on ${sidecarUrl} (restarted if it dies)\n`);
    return;
  }
  const webServer = run('server/web/index.ts', {
    ...process.env,
    NODE_ENV: dev ? 'development' : 'production',
    SIDECAR_URL: sidecarUrl,
    HOST: web.host,
    WEB_PORT: String(web.port),
  });
  started.web = webServer;
  webServer.on('exit', (code) => {
    if (stopping) return;
    console.error(`confwatch: the web server exited (${code}); stopping.`);
    void shutdown(code ?? 1);
  });
  console.log(`\n  confwatch is starting: open http://${urlHost(web.host)}:${web.port}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(error instanceof EnvError ? error.exitCode : 1);
});
