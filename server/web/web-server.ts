import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { decidePage } from './page-gate';
import { createSidecarProxy, refuse, refuseUpgrade, routeForPath, routeForUpgrade } from './proxy';
import { applyPageSecurity, type PageSecurity } from './security-headers';
import { sendPageNotice } from './page-notice';

export type WebServerOptions = {
  sidecarUrl: URL;
  /** The Next.js app's request handler. */
  handleApp: (req: IncomingMessage, res: ServerResponse) => void;
  /** The Next.js dev server's upgrade handler (hot reload); none in production. */
  upgradeApp?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  security: PageSecurity;
};

/** Who the sidecar says a page request's browser is (its cookie or bearer token), or null. */
async function lookUpSession(sidecarUrl: URL, req: IncomingMessage): Promise<unknown | null> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.headers.cookie) headers.cookie = req.headers.cookie;
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  // The page goes along so the sidecar can audit a page refused to this sign-in.
  const page = new URL(req.url ?? '/', 'http://page.invalid').pathname;
  const answer = await fetch(new URL(`/api/auth/session?page=${encodeURIComponent(page)}`, sidecarUrl), {
    headers,
  });
  if (answer.status === 401) return null;
  if (!answer.ok) throw new Error(`the sidecar answered ${answer.status}`);
  return answer.json();
}

/**
 * The web origin: the app's pages, each behind the sign-in gate and with security headers, and
 * the sidecar's API and socket forwarded behind it (the sidecar decides access to those itself).
 */
export function createWebServer(options: WebServerOptions): { server: Server; close(): void } {
  const proxy = createSidecarProxy(options.sidecarUrl);

  async function servePage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applyPageSecurity(req, res, options.security);
    let decision;
    try {
      decision = await decidePage(req.url ?? '/', () => lookUpSession(options.sidecarUrl, req));
    } catch {
      return sendPageNotice(
        res,
        503,
        'confwatch cannot reach its sidecar',
        'This page tries again every few seconds.',
        5,
      );
    }
    if (decision.kind === 'redirect') {
      res.writeHead(303, { location: decision.location, 'cache-control': 'no-store' });
      return void res.end();
    }
    if (decision.kind === 'forbidden')
      return sendPageNotice(
        res,
        403,
        'Not for this sign-in',
        `Signed in as ${decision.session.name} (${decision.session.role}): this page needs ${decision.needs}.`,
      );
    options.handleApp(req, res);
  }

  const server = createServer((req, res) => {
    const route = routeForPath(req.url);
    if (route === 'sidecar') return proxy.web(req, res);
    if (route === 'refused') return refuse(res);
    void servePage(req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const route = routeForUpgrade(req.url);
    if (route === 'sidecar') return proxy.ws(req, socket, head);
    if (route === 'app' && options.upgradeApp) return options.upgradeApp(req, socket, head);
    refuseUpgrade(socket);
  });
  return {
    server,
    close() {
      proxy.close();
      server.close();
    },
  };
}
