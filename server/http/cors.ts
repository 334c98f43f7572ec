import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The CCP relay posts from agents' browsers, on the CCP's origin: those origins (and only those)
 * may call the ingest routes cross-origin. Returns true when it answered a preflight itself.
 */
export function applyIngestCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: readonly string[],
): boolean {
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins.includes(origin)) {
    if (req.method !== 'OPTIONS') return false;
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: `origin ${origin ?? '(none)'} may not post to confwatch; see INGEST_CORS_ORIGINS`,
      }),
    );
    return true;
  }
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'origin');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'authorization, content-type, x-api-key',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}
