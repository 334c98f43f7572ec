import { request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contactEvent } from '@/server/test-helpers/raw-builders';
import { ADMIN, startTestSidecar, TOKEN, type TestSidecar } from '@/server/test-helpers/test-sidecar';

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar({ MAX_BODY_BYTES: '4096', REQUEST_TIMEOUT_SECONDS: '1' });
});
afterAll(() => sidecar.stop());

/** A request exactly as written (fetch would normalize the path), answered with status and body. */
function rawRequest(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; chunks?: string[]; pauseMs?: number } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(sidecar.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: options.headers ?? {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    void (async () => {
      for (const chunk of options.chunks ?? []) {
        req.write(chunk);
        if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
      }
      req.end();
    })();
  });
}

const alive = async () => (await sidecar.get('/healthz')).status;

describe('requests never take the sidecar down', () => {
  test.each([
    ['GET', '/api/conferences/%E0%A4%A'],
    ['GET', '/api/conferences/%ff'],
    ['POST', '/ingest/%ZZ'],
  ])('O5 %s %s (malformed percent-encoding) gets 400 with the reason', async (method, path) => {
    const answer = await rawRequest(method, path, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toMatch(/not valid percent-encoding/);
    expect(await alive()).toBe(200);
  });

  test('O5 a chunked body over the limit is refused with 413 and its reason, not a reset', async () => {
    const chunk = `[${'{"pad":"' + 'x'.repeat(900) + '"},'.repeat(1)}`;
    const answer = await rawRequest('POST', '/ingest/contact-events', {
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
      chunks: Array.from({ length: 8 }, () => chunk),
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatch(/limit of 4096/);
    expect(await alive()).toBe(200);
  });

  test('a body that trickles in slower than REQUEST_TIMEOUT_SECONDS is cut off', async () => {
    const started = Date.now();
    const answer = await rawRequest('POST', '/ingest/contact-events', {
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        'content-length': '100',
      },
      chunks: ['[', ' ', ' ', ' ', ' ', ' ', ' ', ' '],
      pauseMs: 500,
    }).catch((error: unknown) => ({ status: 0, body: String(error), headers: {} }));
    // The trickle alone would take 4 s; the sidecar gives up on it after about one.
    expect(Date.now() - started).toBeLessThan(3_500);
    expect([0, 408]).toContain(answer.status);
    expect(await alive()).toBe(200);
  });

  test('a known path with the wrong method is 405 with Allow; an unknown one 404', async () => {
    const wrong = await rawRequest('DELETE', '/api/conferences');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toContain('GET');
    expect(JSON.parse(wrong.body).error).toMatch(/DELETE is not allowed/);
    expect((await rawRequest('GET', '/nothing-here')).status).toBe(404);
  });

  test('every answer carries a request id', async () => {
    const answer = await rawRequest('GET', '/healthz');
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** Bytes written to a bare TCP socket (no HTTP client would send these), and all that comes back. */
function rawSocket(text: string): Promise<string> {
  const url = new URL(sidecar.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    let answer = '';
    socket.on('data', (data: Buffer) => (answer += data.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('malformed headers never take the sidecar down', () => {
  const post = (headers: string, body = '[]') =>
    `POST /ingest/contact-events HTTP/1.1\r\nHost: confwatch\r\nAuthorization: Bearer ${TOKEN}\r\n${headers}\r\n${body}`;
  test.each([
    ['a content-length that is not a number', post('Content-Length: abc\r\n'), 400, /content-length/i],
    [
      'two different content-lengths',
      post('Content-Length: 2\r\nContent-Length: 3\r\n'),
      400,
      /content-length/i,
    ],
    ['a negative content-length', post('Content-Length: -1\r\n'), 400, /content-length/i],
    [
      'content-length and chunked at once',
      post('Content-Length: 2\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n'),
      400,
      /content-length/i,
    ],
    [
      'a chunk size that is not hex',
      post('Transfer-Encoding: chunked\r\n', 'zz\r\n[]\r\n0\r\n\r\n'),
      400,
      /chunk/i,
    ],
    [
      'a control character in a header',
      'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Note: a\x01b\r\n\r\n',
      400,
      /header value/i,
    ],
    [
      'a NUL in the authorization header',
      'GET /api/conferences HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\x00b\r\n\r\n',
      400,
      /header value/i,
    ],
    ['a space in a header name', 'GET /healthz HTTP/1.1\r\nHost: x\r\nX Note: a\r\n\r\n', 400, /header/i],
    [
      'headers past 16 KB',
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      /headers are larger/,
    ],
  ])('%s: %i with the reason, the connection closed, the sidecar up', async (_name, text, status, reason) => {
    const answer = await rawSocket(text);
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: string };
    expect(body.error).toMatch(reason);
    expect(await alive()).toBe(200);
  });
});

describe('GET /api/conferences pages through large boards', () => {
  test('limit and cursor walk every live conference once, oldest first; a bad cursor is 400', async () => {
    const roots = ['page-a', 'page-b', 'page-c', 'page-d', 'page-e'];
    for (const [i, root] of roots.entries()) {
      await sidecar.post('contact-events', [
        contactEvent('INITIATED', i, { root }),
        contactEvent('CONNECTED_TO_AGENT', i + 1, { root, agent: `pager${i}` }),
      ]);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/conferences?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await sidecar.get(query)).body as {
        conferences: { id: string }[];
        nextCursor: string | null;
      };
      expect(page.conferences.length).toBeLessThanOrEqual(2);
      seen.push(...page.conferences.map((c) => c.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen.filter((id) => id.startsWith('page-'))).toEqual(roots);
    expect(new Set(seen).size).toBe(seen.length);

    const bad = await sidecar.get('/api/conferences?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/cursor/);
    const tooMany = await sidecar.get('/api/conferences?limit=100000');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatch(/limit/);
  });
});

describe('GET /api/conferences streams a large page', () => {
  test('a page of 3,000 conferences is sent as it is written (chunked), arrives intact, and /healthz answers while it streams', async () => {
    const big = await startTestSidecar({ API_MAX_PAGE: '5000' });
    try {
      const roots: string[] = [];
      for (let batch = 0; batch < 6; batch++) {
        const items = [];
        for (let i = 0; i < 500; i++) {
          const n = batch * 500 + i;
          const root = `big-${String(n).padStart(4, '0')}`;
          roots.push(root);
          items.push(
            contactEvent('INITIATED', n, { root }),
            contactEvent('CONNECTED_TO_AGENT', n + 1, { root, agent: `agent${n % 40}` }),
          );
        }
        expect((await big.post('contact-events', items)).body.rejected).toEqual([]);
      }

      const url = new URL(`${big.url}/api/conferences?limit=3000`);
      const chunks: Buffer[] = [];
      let ended = false;
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path: `${url.pathname}${url.search}`,
            headers: { authorization: `Bearer ${ADMIN}` },
          },
          resolve,
        );
        req.on('error', reject);
        req.end();
      });
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = new Promise<void>((resolve) =>
        response.on('end', () => {
          ended = true;
          resolve();
        }),
      );
      // Read the first part, then stop reading: the rest waits on this reader, not on the sidecar.
      await new Promise((resolve) => response.once('data', resolve));
      response.pause();
      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(response.headers['content-length']).toBeUndefined();
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        expect((await big.get('/healthz', null)).status).toBe(200);
        expect(Date.now() - started).toBeLessThan(1_000);
      }
      expect(ended).toBe(false);
      response.resume();
      await done;

      const page = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        conferences: { id: string }[];
        nextCursor: string | null;
      };
      expect(page.conferences.map((c) => c.id)).toEqual(roots);
      expect(page.nextCursor).toBeNull();
      for (const i of [0, 1_234, 2_999])
        expect(page.conferences[i]).toEqual((await big.get(`/api/conferences/${roots[i]}`)).body);
    } finally {
      await big.stop();
    }
  }, 60_000);
});

describe('the source clock', () => {
  test('a time past what a Date can hold is refused (400) and the sidecar keeps its clock', async () => {
    const result = await sidecar.post('ccp', [], {
      authorization: `Bearer ${await sidecar.token('replay')}`,
      'x-confwatch-source-clock': '+275760-09-13T00:00:00.000Z',
    });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatch(/x-confwatch-source-clock/);
    expect(sidecar.clock.following).toBe(false);
    expect(await alive()).toBe(200);
  });

  test('while a built-in source owns the clock, a source clock from outside is refused with 409', async () => {
    const other = await startTestSidecar();
    try {
      other.clock.claim('simulator');
      const result = await other.post('ccp', [], {
        authorization: `Bearer ${await other.token('replay')}`,
        'x-confwatch-source-clock': new Date().toISOString(),
      });
      expect(result.status).toBe(409);
      expect(result.body.error).toMatch(/built-in simulator.*SOURCE=none/);
      expect(other.clock.following).toBe(false);
    } finally {
      await other.stop();
    }
  });
});

describe('bounded memory', () => {
  test('L1 beyond MAX_LIVE_CONFERENCES new calls are refused with a counted reason; live ones go on', async () => {
    const small = await startTestSidecar({ MAX_LIVE_CONFERENCES: '2', MAX_ORPHAN_ROOTS: '1' });
    try {
      const call = (root: string, s: number) => [
        contactEvent('INITIATED', s, { root }),
        contactEvent('CONNECTED_TO_AGENT', s + 1, { root, agent: `agent-${root}` }),
      ];
      expect(
        (await small.post('contact-events', [...call('cap-1', 0), ...call('cap-2', 0)])).body.rejected,
      ).toEqual([]);
      const third = await small.post('contact-events', call('cap-3', 5));
      expect(third.status).toBe(202);
      expect(third.body.rejected).toEqual([
        { index: 0, reason: expect.stringMatching(/MAX_LIVE_CONFERENCES/) },
        { index: 1, reason: expect.stringMatching(/MAX_LIVE_CONFERENCES/) },
      ]);
      // A live call still takes its updates.
      const more = await small.post('contact-events', contactEvent('DISCONNECTED', 9, { root: 'cap-1' }));
      expect(more.body).toMatchObject({ accepted: 1, rejected: [] });
      expect((await small.get('/api/conferences/cap-3')).status).toBe(404);
      // Orphans (children whose root is unknown) are bounded too.
      const orphans = await small.post('contact-events', [
        contactEvent('INITIATED', 3, { root: 'orph-1', contactId: 'orph-1-t' }),
        contactEvent('INITIATED', 3, { root: 'orph-2', contactId: 'orph-2-t' }),
      ]);
      expect(orphans.body.rejected).toEqual([
        { index: 1, reason: expect.stringMatching(/MAX_ORPHAN_ROOTS/) },
      ]);
      const metrics = (await small.get('/metrics')).body as string;
      const refusedLines = metrics.split('\n').filter((l) => l.startsWith('confwatch_ingest_refused_total'));
      expect(refusedLines.join('\n')).toMatch(
        /confwatch_ingest_refused_total\{reason="live-conferences",source="contact-events"\} 2/,
      );
      expect(refusedLines.join('\n')).toMatch(
        /confwatch_ingest_refused_total\{reason="pending-roots",source="contact-events"\} 1/,
      );
    } finally {
      await small.stop();
    }
  });
});

describe('fair reads and writes', () => {
  test('ingest is rate-limited per credential: beyond INGEST_REQUESTS_PER_MINUTE a 429 with a reason', async () => {
    const limited = await startTestSidecar({ INGEST_REQUESTS_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.post('ccp', [])).status);
      expect(statuses).toEqual([202, 202, 202, 429, 429]);
      const refused = await limited.post('ccp', []);
      expect(refused.body.error).toMatch(/rate limit/i);
      // Another credential has its own budget.
      const relay = await limited.token('ccp-relay');
      expect((await limited.post('ccp', [], { authorization: `Bearer ${relay}` })).status).toBe(202);
    } finally {
      await limited.stop();
    }
  });
});
