/**
 * The web process: serves the Next.js app and proxies /api/* and /socket.io to the sidecar, so the
 * browser talks to one origin. Started by `npm start` beside the sidecar.
 */
import { createServer } from 'node:http';
import next from 'next';
import { EnvError } from '../env-parse';
import { explainListenError } from '../listen-errors';
import { parseWebEnv } from './env';
import { isSidecarPath, proxyRequest, proxyUpgrade } from './proxy';

async function main(): Promise<void> {
  const env = parseWebEnv();
  const app = next({ dev: env.dev, dir: process.cwd(), hostname: env.host, port: env.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgradeNext = env.dev ? app.getUpgradeHandler() : undefined;
  const server = createServer((req, res) => {
    if (isSidecarPath(req.url)) return proxyRequest(req, res, env.sidecarUrl);
    void handle(req, res);
  });
  server.on('upgrade', (req, socket, head) => {
    if (isSidecarPath(req.url)) return proxyUpgrade(req, socket, head, env.sidecarUrl);
    if (upgradeNext) return void upgradeNext(req, socket, head);
    socket.destroy();
  });
  server.once('error', (error) => {
    fail(explainListenError(error, { host: env.host, port: env.port, portVariable: 'WEB_PORT' }));
  });
  server.listen(env.port, env.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.port;
    console.log(`confwatch web listening on http://${env.host}:${port} (sidecar ${env.sidecarUrl.origin})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A configuration problem is one line and exit code 2 (`npm start` stops); anything else exit 1. */
function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof EnvError ? error.exitCode : 1);
}

main().catch(fail);
