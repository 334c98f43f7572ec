import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyIngestCors } from './cors';
import { sendError } from './respond';
import { matchRoute, type Route } from './router';

/**
 * The sidecar's request handler. Whatever a route throws becomes a 500 with the reason; the process
 * never goes down because of a request.
 */
export function createHandler(
  routes: readonly Route[],
  onError: (error: unknown) => void,
  ingestCorsOrigins: readonly string[] = [],
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sidecar');
    if (url.pathname.startsWith('/ingest/') && applyIngestCors(req, res, ingestCorsOrigins)) return;
    const match = matchRoute(routes, req.method ?? 'GET', url.pathname);
    if (match === undefined) return sendError(res, 404, `no route for ${url.pathname}`);
    if (match === 'wrong-method')
      return sendError(res, 405, `${req.method} is not allowed on ${url.pathname}`);
    try {
      await match.route.handler({ req, res, url, params: match.params });
    } catch (error) {
      onError(error);
      if (!res.headersSent) sendError(res, 500, `internal error: ${(error as Error).message}`);
      else res.destroy();
    }
  };
}
