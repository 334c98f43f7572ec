/**
 * The sidecar process (`npm run sidecar`): parse the environment, start the server, start the
 * configured source, stop cleanly on a signal. Everything else lives in the modules it wires.
 */
import { EnvError, parseEnv, sidecarListenHost, type Env } from './env';
import { publicUrlWarning } from './exposure';
import { explainListenError } from './listen-errors';
import { createLogger } from './log';
import { startSidecar } from './sidecar';
import { startSource } from './sources/start-source';

async function main(): Promise<void> {
  const env = parseEnv();
  const log = createLogger({ level: env.LOG_LEVEL, name: 'confwatch-sidecar' });
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception: stopping');
    process.exit(1);
  });
  const listen = sidecarListenHost(env);
  const sidecar = await startSidecar(env, { log }).catch((error: unknown) => {
    throw explainListenError(error, {
      host: listen.host,
      hostVariable: listen.variable,
      port: env.SIDECAR_PORT,
      portVariable: 'SIDECAR_PORT',
    });
  });
  const exposed = publicUrlWarning(listen.variable, listen.host, env.PUBLIC_URL);
  if (exposed) process.stderr.write(`${exposed}\n`);
  const source = await startSource(env, sidecar);
  log.info(
    { store: sidecar.store.kind, source: env.SOURCE, mode: env.CONFERENCE_MODE },
    `confwatch sidecar listening on ${sidecar.url} (store: ${sidecar.store.kind}, source: ${env.SOURCE}, mode: ${env.CONFERENCE_MODE})`,
  );
  printStoredSecrets(env);
  // A first start: the one way in, shown once on the operator's terminal (never in a log line).
  if (sidecar.firstAdminPassword)
    process.stdout.write(
      `\n  Sign in as admin with the one-time password: ${sidecar.firstAdminPassword}\n  (you will choose your own at the first sign-in)\n\n`,
    );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    await source.stop();
    await sidecar.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * The secrets confwatch keeps itself: where they are, at every start, and the value a person
 * needs (the ingest token) only on the start that generated it — a restart does not put it on the
 * screen (or in a captured console) again. This is the operator's console, not a log line.
 */
function printStoredSecrets(env: Env): void {
  for (const [name, stored] of Object.entries(env.storedSecrets)) {
    const origin = `${stored.created ? 'generated now, ' : ''}kept in ${stored.file}; set ${name} to choose your own`;
    const value = stored.created && stored.print ? `: ${env[name as keyof typeof env.storedSecrets]}` : '';
    process.stdout.write(`${name} (${origin})${value}\n`);
  }
}

main().catch((error: unknown) => {
  // A configuration problem is one line a person can act on; anything else keeps its stack.
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(error instanceof EnvError ? error.exitCode : 1);
});
