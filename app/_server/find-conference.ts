import { parseWebEnv } from '@/server/web/env';

/** What the sidecar said about a conference id: it has it (live or in history), it has not, or it could not say. */
export type ConferenceLookup = 'found' | 'missing' | 'unknown';

const LOOKUP_TIMEOUT_MS = 2_000;

/**
 * Asks the sidecar, from the Next server (which runs inside the web process, so the web process's
 * env says where the sidecar is), whether it knows `id`: `GET /api/conferences/<id>`, the same
 * answer the page's own record query gets. Only a 404 is `missing`; an unreachable or slow sidecar
 * (a restart) is `unknown`, and the page renders as usual and keeps trying by itself.
 */
export async function findConference(id: string): Promise<ConferenceLookup> {
  try {
    const url = new URL(`/api/conferences/${encodeURIComponent(id)}`, parseWebEnv().sidecarUrl);
    const response = await fetch(url, {
      cache: 'no-store',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status === 404) return 'missing';
    return response.ok ? 'found' : 'unknown';
  } catch {
    return 'unknown';
  }
}
