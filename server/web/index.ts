/**
 * The web process: serves the Next.js app and forwards /api/* and /socket.io to the sidecar, so the
 * browser talks to one origin. Started by `npm start` beside the sidecar.
 */
import next from 'next';
import { createLogger } from '@/server/log';
import { EnvError } from '../env-parse';
import { publicUrlWarning } from '../exposure';
import { explainListenError } from '../listen-errors';
import { parseWebEnv } from './env';
import { createWebServer } from './web-server';

async function main(): Promise<void> {
  const env = parseWebEnv();
  const exposed = publicUrlWarning('HOST', env.host, env.publicUrl);
  if (exposed) process.stderr.write(`${exposed}\n`);
  const log = createLogger({ name: 'confwatch-web', level: env.logLevel });
  const app = next({ dev: env.dev, dir: process.cwd(), hostname: env.host, port: env.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgradeNext = env.dev ? app.getUpgradeHandler() : undefined;
  const web = createWebServer({
    sidecarUrl: env.sidecarUrl,
    handleApp: (req, res) => void handle(req, res),
    ...(upgradeNext ? { upgradeApp: (req, socket, head) => void upgradeNext(req, socket, head) } : {}),
    security: {
      frameAncestors: env.frameAncestors,
      dev: env.dev,
      https: (req) =>
        env.publicUrl ? env.publicUrl.protocol === 'https:' : req.headers['x-forwarded-proto'] === 'https',
    },
  });
  web.server.once('error', (error) => {
    fail(explainListenError(error, { host: env.host, port: env.port, portVariable: 'WEB_PORT' }));
  });
  web.server.listen(env.port, env.host, () => {
    const address = web.server.address();
    const port = typeof address === 'object' && address ? address.port : env.port;
    log.info(`confwatch web listening on http://${env.host}:${port} (sidecar ${env.sidecarUrl.origin})`);
  });
  const stop = () => {
    web.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A configuration problem is one line and exit code 2 (`npm start` stops); anything else exit 1. */
function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof EnvError ? error.exitCode : 1);
}

main().catch(fail);
