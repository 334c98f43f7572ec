/**
 * The sidecar process (`npm run sidecar`): parse the environment, start the server, start the
 * configured source, stop cleanly on a signal. Everything else lives in the modules it wires.
 */
import { EnvError, parseEnv } from './env';
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
  const sidecar = await startSidecar(env, { log });
  const source = await startSource(env, sidecar);
  log.info(
    { store: sidecar.store.kind, source: env.SOURCE, mode: env.CONFERENCE_MODE },
    `confwatch sidecar listening on ${sidecar.url} (store: ${sidecar.store.kind}, source: ${env.SOURCE}, mode: ${env.CONFERENCE_MODE})`,
  );
  // Shown once to the person who started it, on the terminal; never written to a log line.
  if (env.ingestTokenGenerated)
    process.stdout.write(`INGEST_TOKEN was not set; this run's ingest token is: ${env.INGEST_TOKEN}\n`);
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

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(error instanceof EnvError ? 2 : 1);
});
