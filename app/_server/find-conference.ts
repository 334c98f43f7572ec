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
export async function findConference(
  id: string,
  caller: { cookie?: string | null; authorization?: string | null },
): Promise<ConferenceLookup> {
  try {
    const url = new URL(`/api/conferences/${encodeURIComponent(id)}`, parseWebEnv().sidecarUrl);
    // Asked as the browser that asks for the page: out of its scope reads as unknown (404).
    const headers: Record<string, string> = { accept: 'application/json' };
    if (caller.cookie) headers.cookie = caller.cookie;
    if (caller.authorization) headers.authorization = caller.authorization;
    const response = await fetch(url, {
      cache: 'no-store',
      headers,
      signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status === 404) return 'missing';
    return response.ok ? 'found' : 'unknown';
  } catch {
    return 'unknown';
  }
}
