import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { RecordedItem, StreamName } from '@/server/sources/recording';
import { runScript } from './test-helpers/run-script';

type Received = { path: string; headers: IncomingHttpHeaders; body: unknown[]; receivedAt: number };
type Answer = (body: unknown[]) => { status: number; body: unknown };

/** A real HTTP server that records every request and answers as the test says. */
async function startIngest(answer: Answer): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(text) as unknown[];
      received.push({ path: req.url ?? '', headers: req.headers, body, receivedAt: performance.now() });
      const reply = answer(body);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

const accepting: Answer = (body) => ({
  status: 202,
  body: { accepted: body.length, duplicates: 0, rejected: [] },
});

let dir: string;
const servers: Server[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'confwatch-replay-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2026, 11, 1, 10, 0, 0);
const item = (stream: StreamName, offsetMs: number): RecordedItem => ({
  stream,
  at: new Date(T0 + offsetMs).toISOString(),
  payload: { n: offsetMs },
});

async function recording(name: string, lines: readonly (RecordedItem | string)[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
}

/** The replay as a person runs it, with a replay token in REPLAY_TOKEN unless `--token` says otherwise. */
const replay = (...args: string[]) => runScript('replay', args, { REPLAY_TOKEN: 'replay-token' });

test('replays every item, one POST per run of one stream within 50 ms, with token and source clock', async () => {
  const ingest = await startIngest((body) => ({
    status: 202,
    body: { accepted: body.length - 1, duplicates: 1, rejected: [{ index: 0, reason: 'unknown eventType' }] },
  }));
  const file = await recording('batches.jsonl', [
    item('ccp', 0),
    item('ccp', 20),
    item('ccp', 45),
    item('agent-events', 46),
    item('contact-events', 47),
    item('contact-events', 400),
    item('ccp', 401),
  ]);
  const result = await replay(file, '--url', ingest.url, '--token', 'T', '--speed', 'max');
  expect(result.code, result.stderr).toBe(0);
  expect(ingest.received.map((r) => [r.path, (r.body as { n: number }[]).map((p) => p.n)])).toEqual([
    ['/ingest/ccp', [0, 20, 45]],
    ['/ingest/agent-events', [46]],
    ['/ingest/contact-events', [47]],
    ['/ingest/contact-events', [400]],
    ['/ingest/ccp', [401]],
  ]);
  for (const r of ingest.received) {
    expect(r.headers.authorization).toBe('Bearer T');
    expect(r.headers['content-type']).toBe('application/json');
  }
  expect(ingest.received.map((r) => r.headers['x-confwatch-source-clock'])).toEqual(
    [45, 46, 47, 400, 401].map((ms) => new Date(T0 + ms).toISOString()),
  );
  expect(result.stdout).toContain('replayed 7 items in 5 batches: accepted 2, duplicates 5, rejected 5');
  expect(result.stdout).toContain('rejected line 1 (ccp): unknown eventType');
  expect(result.stdout).toContain('rejected line 6 (contact-events): unknown eventType');
});

test('the token defaults to REPLAY_TOKEN; without one the replay says how to make one', async () => {
  const ingest = await startIngest(accepting);
  const file = await recording('one.jsonl', [item('ccp', 0)]);
  const result = await runScript('replay', [file, '--url', ingest.url, '--speed', 'max'], {
    REPLAY_TOKEN: 'from-env',
    INGEST_TOKEN: 'not-this-one',
  });
  expect(result.code, result.stderr).toBe(0);
  expect(ingest.received[0]!.headers.authorization).toBe('Bearer from-env');
  const none = await runScript('replay', [file, '--url', ingest.url], { REPLAY_TOKEN: undefined });
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('npm run token -- create --role replay');
});

test('an ingest token refused the source clock (403) is told to use a replay token', async () => {
  const ingest = await startIngest(() => ({
    status: 403,
    body: { error: 'only a replay token may set x-confwatch-source-clock' },
  }));
  const file = await recording('one.jsonl', [item('ccp', 0)]);
  const result = await replay(file, '--url', ingest.url, '--token', 'an-ingest-token', '--speed', 'max');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('only a replay token may set x-confwatch-source-clock');
  expect(result.stderr).toContain('npm run token -- create --role replay');
});

test('recording-time spacing is kept, divided by the speed; max does not wait', async () => {
  const file = await recording('spaced.jsonl', [item('ccp', 0), item('ccp', 10_000)]);
  const gap = async (speed: string) => {
    const ingest = await startIngest(accepting);
    const result = await replay(file, '--url', ingest.url, '--speed', speed);
    expect(result.code, result.stderr).toBe(0);
    return ingest.received[1]!.receivedAt - ingest.received[0]!.receivedAt;
  };
  // 10 s of recording at speed 5 are 2 s; the first request's connection set-up (slow on a loaded
  // machine) may eat a little of it, never most of it.
  const paced = await gap('5');
  expect(paced).toBeGreaterThanOrEqual(1_500);
  expect(paced).toBeLessThan(3_000);
  expect(await gap('max')).toBeLessThan(300);
});

test('a non-2xx answer is printed with its status and body, and the replay stops with exit code 1', async () => {
  const ingest = await startIngest(() => ({ status: 401, body: { error: 'bad token' } }));
  const file = await recording('denied.jsonl', [item('ccp', 0), item('agent-events', 500)]);
  const result = await replay(file, '--url', ingest.url, '--token', 'wrong', '--speed', 'max');
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/POST \/ingest\/ccp answered 401 Unauthorized: \{"error":"bad token"\}/);
  expect(ingest.received).toHaveLength(1);
});

test('an unreachable sidecar is reported plainly', async () => {
  const closed = await startIngest(accepting);
  await new Promise((resolve) => closed.server.close(resolve));
  const file = await recording('nowhere.jsonl', [item('ccp', 0)]);
  const result = await replay(file, '--url', closed.url, '--speed', 'max');
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
});

test('a bad recording line is named after the items before it were sent', async () => {
  const ingest = await startIngest(accepting);
  const file = await recording('bad-line.jsonl', [
    item('ccp', 0),
    item('agent-events', 100),
    '{"stream":"ccp","at":',
  ]);
  const result = await replay(file, '--url', ingest.url, '--speed', 'max');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`${file} line 3: not JSON`);
  expect(ingest.received.map((r) => r.path)).toEqual(['/ingest/ccp']);
});

test('bad arguments exit with code 2 and name the option', async () => {
  const file = await recording('args.jsonl', [item('ccp', 0)]);
  const cases: [string[], RegExp][] = [
    [[file], /--url is required/],
    [[file, '--url', 'ftp://x'], /--url must be an http\(s\) URL/],
    [
      [file, '--url', 'http://127.0.0.1:1', '--speed', 'fast'],
      /--speed must be a positive number or max, got "fast"/,
    ],
    [['--url', 'http://127.0.0.1:1'], /name the recording to replay/],
    [[join(dir, 'missing.jsonl'), '--url', 'http://127.0.0.1:1'], /cannot read the recording/],
  ];
  for (const [args, message] of cases) {
    const result = await replay(...args);
    expect(result.code, args.join(' ')).toBe(2);
    expect(result.stderr).toMatch(message);
  }
});
