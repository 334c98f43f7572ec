/**
 * The web process: serves the Next.js app and proxies /api/* and /socket.io to the sidecar, so the
 * browser talks to one origin. Started by `npm start` beside the sidecar.
 */
import { createServer } from 'node:http';
import next from 'next';
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
  server.listen(env.port, env.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.port;
    console.log(`confwatch web listening on http://${env.host}:${port} (sidecar ${env.sidecarUrl.origin})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
