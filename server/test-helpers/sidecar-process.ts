import type { ChildProcess } from 'node:child_process';
import { startListeningProcess } from '@/scripts/test-helpers/node-process';
import { LONG_INGEST_WINDOW } from './ingest-window';

/** The sidecar as its own OS process (`server/index.ts`), so tests can kill -9 it for real. */
export type SidecarProcess = {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill9(): Promise<void>;
  /** A GET of `path` as the process's administrator (its ADMIN_TOKEN), parsed as JSON. */
  getJson(path: string): Promise<any>;
};

/** The ADMIN_TOKEN of sidecar processes started here: reads are signed in, as every read must be. */
export const PROCESS_ADMIN_TOKEN = 'process-admin-token-0123456789abcdef';

/** Headers that sign a request in as the processes' administrator. */
export const asAdmin = { authorization: `Bearer ${PROCESS_ADMIN_TOKEN}` };

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
        ADMIN_TOKEN: PROCESS_ADMIN_TOKEN,
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
    getJson: async (path) => (await fetch(`${sidecar.url}${path}`, { headers: asAdmin })).json(),
  };
}

/** Events ingested since the sidecar at `url` started, summed over sources: accepted and duplicates. */
export async function readIngestCounts(url: string): Promise<{ accepted: number; duplicates: number }> {
  const metrics = await (await fetch(`${url}/metrics`, { headers: asAdmin })).text();
  const sum = (outcome: string) =>
    [
      ...metrics.matchAll(
        new RegExp(`^confwatch_ingest_events_total\\{outcome="${outcome}"[^}]*\\} (\\d+)$`, 'gm'),
      ),
    ]
      .map((m) => Number(m[1]))
      .reduce((a, b) => a + b, 0);
  return { accepted: sum('accepted'), duplicates: sum('duplicate') };
}
