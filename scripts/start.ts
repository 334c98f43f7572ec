/**
 * `npm start` (and `npm run dev`): builds the web app if needed, then runs the sidecar and the web
 * server side by side, restarting the sidecar if it dies. Ctrl-C stops both.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseWebEnv } from '../server/web/env';

const dev = process.argv.includes('--dev');
const root = process.cwd();
const web = parseWebEnv({ ...process.env, NODE_ENV: dev ? 'development' : 'production' });
const sidecarUrl = web.sidecarUrl.origin;

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

async function waitForSidecar(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${sidecarUrl}/healthz`)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main(): Promise<void> {
  if (!dev) buildIfStale();
  let stopping = false;
  const children: { sidecar?: ChildProcess; web?: ChildProcess } = {};
  const startSidecar = () => {
    const sidecar = run('server/index.ts', {
      ...process.env,
      SIDECAR_PORT: web.sidecarUrl.port || '4000',
      HOST: web.host,
    });
    sidecar.on('exit', (code) => {
      if (stopping) return;
      if (code === 2) {
        console.error('confwatch: the sidecar refused its configuration (see above); stopping.');
        shutdown(2);
        return;
      }
      console.error(`confwatch: the sidecar exited (${code}); restarting in 1 s`);
      setTimeout(startSidecar, 1_000);
    });
    children.sidecar = sidecar;
  };
  startSidecar();
  if (!(await waitForSidecar(60_000))) {
    console.error(`confwatch: the sidecar did not answer on ${sidecarUrl} within 60 s`);
    shutdown(1);
    return;
  }
  const webServer = run('server/web/index.ts', {
    ...process.env,
    NODE_ENV: dev ? 'development' : 'production',
    SIDECAR_URL: sidecarUrl,
    HOST: web.host,
    WEB_PORT: String(web.port),
  });
  children.web = webServer;
  webServer.on('exit', (code) => {
    if (!stopping) {
      console.error(`confwatch: the web server exited (${code}); stopping.`);
      shutdown(code ?? 1);
    }
  });
  console.log(`\n  confwatch is starting: open http://${web.host}:${web.port}\n`);

  function shutdown(code: number): void {
    stopping = true;
    children.sidecar?.kill('SIGTERM');
    children.web?.kill('SIGTERM');
    setTimeout(() => process.exit(code), 1_500).unref();
  }
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
}

void main();
