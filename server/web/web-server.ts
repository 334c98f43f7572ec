import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createSidecarProxy, refuse, routeForPath } from './proxy';

export type WebServerOptions = {
  sidecarUrl: URL;
  /** The Next.js app's request handler. */
  handleApp: (req: IncomingMessage, res: ServerResponse) => void;
  /** The Next.js dev server's upgrade handler (hot reload); none in production. */
  upgradeApp?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
};

/** The web origin: the app's pages, and the sidecar's API and socket forwarded behind it. */
export function createWebServer(options: WebServerOptions): { server: Server; close(): void } {
  const proxy = createSidecarProxy(options.sidecarUrl);
  const server = createServer((req, res) => {
    const route = routeForPath(req.url);
    if (route === 'sidecar') return proxy.web(req, res);
    if (route === 'refused') return refuse(res);
    options.handleApp(req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const route = routeForPath(req.url);
    if (route === 'sidecar') return proxy.ws(req, socket, head);
    if (route === 'app' && options.upgradeApp) return options.upgradeApp(req, socket, head);
    socket.destroy();
  });
  return {
    server,
    close() {
      proxy.close();
      server.close();
    },
  };
}
