/**
 * The sidecar process (`npm run sidecar`): parse the environment, start the server, start the
 * configured source, stop cleanly on a signal. Everything else lives in the modules it wires.
 */
import { EnvError, parseEnv } from './env';
import { startSidecar } from './sidecar';
import { startSource } from './sources/start-source';

async function main(): Promise<void> {
  const env = parseEnv();
  const sidecar = await startSidecar(env);
  const source = await startSource(env, sidecar);
  console.log(
    `confwatch sidecar listening on ${sidecar.url} (store: ${sidecar.store.kind}, source: ${env.SOURCE}, mode: ${env.CONFERENCE_MODE})`,
  );
  if (env.ingestTokenGenerated)
    console.log(`INGEST_TOKEN was not set; this run's ingest token is: ${env.INGEST_TOKEN}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
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
