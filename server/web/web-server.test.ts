import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ADMIN,
  connectBoardClient,
  startTestSidecar,
  type TestSidecar,
} from '@/server/test-helpers/test-sidecar';
import { routeForPath } from './proxy';
import { createWebServer, type WebServerOptions } from './web-server';

const SECURITY = { frameAncestors: [], dev: false, https: () => false };

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

type Web = { url: string; close(): void };

/** The web process on a free port in front of `sidecarUrl`, with `handleApp` standing in for Next.js. */
async function startWeb(sidecarUrl: string, handleApp: WebServerOptions['handleApp']): Promise<Web> {
  const web = createWebServer({ sidecarUrl: new URL(sidecarUrl), handleApp, security: SECURITY });
  return { url: await listen(web.server), close: web.close };
}

/** The port-9 discard service: nothing listens there, so a connection is refused at once. */
const UNREACHABLE = 'http://127.0.0.1:9';

/** A request with the path exactly as written (fetch and URL would resolve the dot-segments). */
function rawGet(base: string, path: string, headers: Record<string, string> = {}) {
  const url = new URL(base);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('routeForPath', () => {
  test.each([
    ['/api/conferences', 'sidecar'],
    ['/api/conferences/abc?include=ended', 'sidecar'],
    ['/socket.io/?EIO=4&transport=polling', 'sidecar'],
    ['/healthz', 'sidecar'],
    ['/healthz/../metrics', 'app'],
    ['/healthzz', 'app'],
    ['/', 'app'],
    ['/conferences/abc', 'app'],
    ['/_next/static/chunk.js', 'app'],
    ['/api/../metrics', 'refused'],
    ['/api/%2e%2e/healthz', 'refused'],
    ['/api/%2E./ingest/contact-events', 'refused'],
    ['/api/./conferences', 'refused'],
    ['/api/..', 'refused'],
    ['/api%2f..%2fmetrics', 'refused'],
    ['/api/conferences\\..\\..\\metrics', 'refused'],
    ['/socket.io/../healthz', 'refused'],
    ['/api//conferences', 'refused'],
  ])('%s → %s', (path, route) => {
    expect(routeForPath(path)).toBe(route);
  });
});

/** A WebSocket upgrade request for `path`: resolves with 101 once upgraded, else the status answered. */
function rawUpgrade(base: string, path: string) {
  const url = new URL(base);
  return new Promise<number>((resolve, reject) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      path,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-version': '13',
      },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web origin', () => {
  let echo: Server;
  let web: Web;
  let webUrl: string;
  /** The paths of the WebSocket upgrades that reached the upstream. */
  const upgraded: string[] = [];
  beforeAll(async () => {
    // An upstream that answers with what it received: what the proxy forwards, headers and all.
    echo = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ url: req.url, headers: req.headers }));
    });
    echo.on('upgrade', (req, socket) => {
      upgraded.push(req.url ?? '');
      socket.end('HTTP/1.1 101 Switching Protocols\r\nconnection: Upgrade\r\nupgrade: websocket\r\n\r\n');
    });
    web = await startWeb(await listen(echo), (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('the app');
    });
    webUrl = web.url;
  });
  afterAll(() => {
    web.close();
    echo.close();
  });

  test('forwards /api paths and appends to x-forwarded-for, with proto and host', async () => {
    const answer = await rawGet(webUrl, '/api/conferences?include=ended', {
      'x-forwarded-for': '203.0.113.7',
      host: 'board.example.com',
    });
    expect(answer.status).toBe(200);
    const seen = JSON.parse(answer.body) as { url: string; headers: Record<string, string> };
    expect(seen.url).toBe('/api/conferences?include=ended');
    expect(seen.headers['x-forwarded-for']).toBe('203.0.113.7,127.0.0.1');
    expect(seen.headers['x-forwarded-proto']).toBe('http');
    expect(seen.headers['x-forwarded-host']).toBe('board.example.com');
  });

  test('a WebSocket upgrade reaches the sidecar only on the Socket.IO path; any other is a 404 from the web process', async () => {
    for (const path of [
      '/metrics',
      '/api/conferences',
      '/api/../socket.io/?EIO=4&transport=websocket',
      '/socket.io/../metrics',
      '/socket.io%2f..%2fhealthz',
      '/',
    ])
      expect([path, await rawUpgrade(webUrl, path)]).toEqual([path, 404]);
    expect(upgraded).toEqual([]);
    expect(await rawUpgrade(webUrl, '/socket.io/?EIO=4&transport=websocket')).toBe(101);
    expect(upgraded).toEqual(['/socket.io/?EIO=4&transport=websocket']);
  });

  test.each(['/api/../metrics', '/api/%2e%2e/healthz', '/api/../ingest/contact-events'])(
    '%s is a 404 from the web process and never reaches the sidecar',
    async (path) => {
      const answer = await rawGet(webUrl, path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('headers');
    },
  );
});

describe('Socket.IO through the web origin', () => {
  let sidecar: TestSidecar;
  let web: Web;
  let webUrl: string;
  beforeAll(async () => {
    sidecar = await startTestSidecar();
    web = await startWeb(sidecar.url, (_q, res) => res.end());
    webUrl = web.url;
  });
  afterAll(async () => {
    web.close();
    await sidecar.stop();
  });

  test('a WebSocket upgrade is forwarded and the board snapshot arrives', async () => {
    const client = connectBoardClient(webUrl);
    try {
      await client.until(() => client.snapshots.length === 1);
      expect(client.snapshots[0]!.seq).toBeGreaterThanOrEqual(0);
    } finally {
      client.close();
    }
  });

  test('a stopped sidecar is a 502 with a reason, not a hang', async () => {
    const lonely = await startWeb(UNREACHABLE, (_q, r) => r.end());
    try {
      const answer = await rawGet(lonely.url, '/api/config');
      expect(answer.status).toBe(502);
      expect(JSON.parse(answer.body).error).toMatch(/not reachable/);
      // What a load balancer in front of the web port sees while the sidecar is down.
      expect((await rawGet(lonely.url, '/healthz')).status).toBe(502);
    } finally {
      lonely.close();
    }
  });

  test("an anonymous caller of the web port's /healthz gets the sidecar's up and ready, and nothing else", async () => {
    const answer = await rawGet(webUrl, '/healthz');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ status: 'ok', ready: true });
  });
});

describe('the page gate', () => {
  let sidecar: TestSidecar;
  let web: Web;
  let webUrl: string;
  beforeAll(async () => {
    sidecar = await startTestSidecar();
    web = await startWeb(sidecar.url, (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`the app, nonce ${String(req.headers['x-nonce'])}`);
    });
    webUrl = web.url;
  });
  afterAll(async () => {
    web.close();
    await sidecar.stop();
  });

  test('an anonymous page request goes to /login, and comes back afterwards; /login itself is open', async () => {
    const answer = await rawGet(webUrl, '/conferences/abc?density=compact');
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(
      `/login?next=${encodeURIComponent('/conferences/abc?density=compact')}`,
    );
    expect((await rawGet(webUrl, '/login')).status).toBe(200);
  });

  test('a signed-in page carries a CSP with the nonce of its own response and the other security headers', async () => {
    const answer = await rawGet(webUrl, '/', { authorization: `Bearer ${ADMIN}` });
    expect(answer.status).toBe(200);
    const nonce = /nonce (\S+)/.exec(answer.body)![1]!;
    const csp = String(answer.headers['content-security-policy']);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('same-origin');
    const again = await rawGet(webUrl, '/', { authorization: `Bearer ${ADMIN}` });
    expect(again.body).not.toContain(nonce);
  });

  test('a wallboard token opens the wallboard and is sent there from the board; other pages are refused', async () => {
    const wall = await sidecar.token('wallboard');
    const board = await rawGet(webUrl, '/', { authorization: `Bearer ${wall}` });
    expect(board.status).toBe(303);
    expect(board.headers.location).toBe('/wallboard');
    expect((await rawGet(webUrl, '/wallboard', { authorization: `Bearer ${wall}` })).status).toBe(200);
    const metrics = await sidecar.token('metrics');
    expect((await rawGet(webUrl, '/', { authorization: `Bearer ${metrics}` })).status).toBe(403);
  });

  test('a kiosk URL with ?token= is exchanged for a session cookie and the token leaves the address', async () => {
    const answer = await rawGet(webUrl, '/wallboard?view=kpis&token=cw_0123456789ab_secret');
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(
      `/api/auth/token?token=cw_0123456789ab_secret&next=${encodeURIComponent('/wallboard?view=kpis')}`,
    );
  });

  test('with the sidecar unreachable a page is a 503 that retries, never served unchecked', async () => {
    const lonely = await startWeb(UNREACHABLE, (_q, r) => r.end('the app'));
    try {
      const answer = await rawGet(lonely.url, '/');
      expect(answer.status).toBe(503);
      expect(answer.body).not.toContain('the app');
      expect(answer.body).toContain('http-equiv="refresh"');
    } finally {
      lonely.close();
    }
  });
});
