import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';

/** What the web process does with a request path. */
export type PathRoute = 'sidecar' | 'app' | 'refused';

/** Dot-segments, also percent-encoded (`%2e`), and backslashes, which some servers read as `/`. */
const ESCAPE = /(^|\/)(\.|%2e){1,2}(\/|$)|\\|%5c/i;

/**
 * Where a request goes: `/api/…` and `/socket.io/…` to the sidecar, and `/healthz` exactly, so a
 * load balancer in front of the web port learns whether the sidecar behind it is up and ready (a
 * stopped sidecar is the proxy's 502); everything else to the Next.js app. A sidecar path that
 * could resolve elsewhere (`/api/../metrics`, `/api/%2e%2e/healthz`) is refused with 404 here,
 * never forwarded: the browser's origin reaches the sidecar's API, socket and health only.
 */
export function routeForPath(url: string | undefined): PathRoute {
  const path = (url ?? '/').split(/[?#]/)[0] ?? '/';
  if (path === '/healthz') return 'sidecar';
  const sidecar = path === '/api' || path.startsWith('/api/') || path.startsWith('/socket.io/');
  if (!sidecar) return /^\/(api|socket\.io)(%2f|\\|%5c)/i.test(path) ? 'refused' : 'app';
  return ESCAPE.test(path) || path.includes('//') ? 'refused' : 'sidecar';
}

/**
 * Where a WebSocket upgrade goes: only Socket.IO's own path reaches the sidecar (its API is plain
 * HTTP); an upgrade for an app path goes to the app (the dev server's hot reload), others are refused.
 */
export function routeForUpgrade(url: string | undefined): PathRoute {
  const route = routeForPath(url);
  if (route !== 'sidecar') return route;
  return (url ?? '').startsWith('/socket.io/') ? 'sidecar' : 'refused';
}

/**
 * Forwards to the sidecar with a maintained proxy (http-proxy-3): HTTP requests (Socket.IO
 * long-polling included) and WebSocket upgrades, appending to `x-forwarded-for` and setting
 * `x-forwarded-proto/host` so the sidecar sees who called.
 */
export function createSidecarProxy(target: URL) {
  const proxy = createProxyServer({ target: target.origin, ws: true, xfwd: true, proxyTimeout: 120_000 });
  proxy.on('error', (_error, _req, res) => {
    if (res && 'writeHead' in res && !res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'the confwatch sidecar is not reachable' }));
    } else res?.destroy();
  });
  return {
    web: (req: IncomingMessage, res: ServerResponse) => proxy.web(req, res),
    ws: (req: IncomingMessage, socket: Duplex, head: Buffer) => proxy.ws(req, socket, head),
    close: () => proxy.close(),
  };
}

/** The 404 for a refused path, answered by the web process itself. */
export function refuse(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'not found' }));
}

/** The same 404 for a refused WebSocket upgrade, written on the bare socket, which is then closed. */
export function refuseUpgrade(socket: Duplex): void {
  const body = JSON.stringify({ error: 'not found' });
  socket.end(
    `HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
  );
}
