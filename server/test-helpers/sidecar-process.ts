import type { ChildProcess } from 'node:child_process';
import { startListeningProcess } from '@/scripts/test-helpers/node-process';
import { LONG_INGEST_WINDOW } from './ingest-window';

/** The sidecar as its own OS process (`server/index.ts`), so tests can kill -9 it for real. */
export type SidecarProcess = {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill9(): Promise<void>;
};

/** Starts a sidecar on a free port with no source; `env` adds to (and overrides) the parent's. */
export async function spawnSidecar(env: Record<string, string>): Promise<SidecarProcess> {
  const sidecar = await startListeningProcess(
    'server/index.ts',
    {
      name: 'sidecar',
      env: {
        ...process.env,
        SIDECAR_PORT: '0',
        HOST: '127.0.0.1',
        SOURCE: 'none',
        ...LONG_INGEST_WINDOW,
        ...env,
      },
    },
    30_000,
  );
  return {
    url: sidecar.url,
    child: sidecar.child,
    output: sidecar.log,
    kill9: () => sidecar.stop('SIGKILL'),
  };
}
