import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createAccounts } from '@/server/auth/accounts';
import { openStore } from '@/server/store';
import {
  agentContact,
  agentEvent,
  ccpSnapshot,
  contactEvent,
  pascalDetail,
} from '@/server/test-helpers/raw-builders';
import { asAdmin, spawnSidecar, type SidecarProcess } from '@/server/test-helpers/sidecar-process';

const TOKEN = 'poisoned-kill9-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'confwatch-poisoned-kill9-'));
const ENV = { INGEST_TOKEN: TOKEN, DATA_DIR: dir, MAX_BODY_BYTES: String(256 * 1024) };
const children: SidecarProcess[] = [];
afterAll(() => {
  for (const c of children) c.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

const arn = (length: number) => `arn:aws:connect:${'x'.repeat(length - 16)}`;
const deepJson = (depth: number) => '{"k":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
const detailOf = (event: { detail: Record<string, unknown> }) => event.detail as Record<string, any>;
const call = (root: string, agent: string, s: number) => [
  contactEvent('INITIATED', s, { root }),
  contactEvent('CONNECTED_TO_AGENT', s + 1, { root, agent }),
];
const text = (items: unknown[]) =>
  `[${items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i))).join(',')}]`;

/** A request exactly as written (fetch would normalize the path), chunked when given chunks. */
function raw(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  chunks: string[] = [],
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

async function post(url: string, path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Every conference, live and ended, with its full view: the state a restart must bring back. */
async function state(sidecar: SidecarProcess) {
  const board = (await sidecar.getJson('/api/conferences?include=ended')) as {
    conferences: { id: string }[];
  };
  const views = await Promise.all(board.conferences.map((c) => sidecar.getJson(`/api/conferences/${c.id}`)));
  return { board, views };
}

test("O5 the issue's poisoned requests and items, mixed with good ones, then kill -9: the restart comes up with the state before it", async () => {
  // A replay credential, made before the start as `npm run token` would, for the source-clock header.
  const store = await openStore({ kind: 'sqlite', dataDir: dir });
  const replay = (await createAccounts(store).createToken({ role: 'replay', createdBy: 'test' })).token;
  await store.close();

  const first = await spawnSidecar(ENV);
  children.push(first);
  const alive = async () => (await fetch(`${first.url}/healthz`)).status;

  // Requests that once stopped the process.
  for (const [method, path] of [
    ['GET', '/api/conferences/%E0%A4%A'],
    ['GET', '/api/conferences/%ff'],
    ['POST', '/ingest/%ZZ'],
  ] as const)
    expect((await raw(first.url, method, path, { authorization: `Bearer ${TOKEN}` })).status).toBe(400);
  const clock = await post(first.url, '/ingest/ccp', '[]', {
    authorization: `Bearer ${replay}`,
    'x-confwatch-source-clock': '+275760-09-13T00:00:00.000Z',
  });
  expect(clock.status).toBe(400);

  // Contact events: each bad item beside good ones.
  const pre1970 = contactEvent('INITIATED', 10, { root: 'k9-b1' });
  detailOf(pre1970).initiationTimestamp = '1969-12-31T23:59:59Z';
  const longArn = contactEvent('CONNECTED_TO_AGENT', 10, { root: 'k9-b2', agent: 'bob' });
  detailOf(longArn).agentInfo.agentArn = arn(300);
  const february = contactEvent('INITIATED', 10, { root: 'k9-b3' });
  detailOf(february).initiationTimestamp = '2026-02-30T10:00:00Z';
  const deep = JSON.stringify(contactEvent('INITIATED', 10, { root: 'k9-b4' })).replace(
    '"channel"',
    `"junk":${deepJson(12_000)},"channel"`,
  );
  const proto = JSON.stringify(pascalDetail(contactEvent('INITIATED', 10, { root: 'k9-b5' }))).replace(
    '"ContactId":"k9-b5",',
    '"__proto__":{"contactId":"k9-b5"},',
  );
  const [a1, a2] = call('k9-a', 'ann', 0);
  const contacts = await post(
    first.url,
    '/ingest/contact-events',
    text([a1, pre1970, longArn, deep, february, proto, a2]),
  );
  expect(contacts.status).toBe(202);
  expect(contacts.body).toMatchObject({ accepted: 2 });
  expect(contacts.body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2, 3, 4, 5]);

  // An agent event past the largest Date, beside a good one.
  const held = agentEvent('ann', 5, [agentContact('CONNECTED_ONHOLD', { root: 'k9-a', since: 1 })]);
  const poisoned = {
    ...agentEvent('ann', 6, [agentContact('CONNECTED', { root: 'k9-a', since: 1 })]),
    EventTimestamp: 8_640_000_000_000_001,
  };
  const agents = await post(first.url, '/ingest/agent-events', text([poisoned, held]));
  expect(agents.body).toMatchObject({ accepted: 1, rejected: [{ index: 0 }] });

  // CCP snapshots from the far future and with a 257-character ARN, beside a good one.
  const future = { ...ccpSnapshot('ann', 7, [], { root: 'k9-a' }), reportedAt: '2999-01-01T00:00:00Z' };
  const long = { ...ccpSnapshot('ann', 7, [], { root: 'k9-a' }), agentArn: arn(257) };
  const muted = ccpSnapshot('ann', 8, [{ kind: 'self', state: 'hold', muted: true }], { root: 'k9-a' });
  const ccp = await post(first.url, '/ingest/ccp', text([future, long, muted]));
  expect(ccp.body).toMatchObject({ accepted: 1, rejected: [{ index: 0 }, { index: 1 }] });

  // Firehose: a poisoned record and one that is not JSON, beside a good call.
  const records = [...call('k9-f', 'fay', 20), pre1970].map((item) => ({
    data: Buffer.from(JSON.stringify(item)).toString('base64'),
  }));
  records.splice(1, 0, { data: Buffer.from('{"not": "an event"').toString('base64') });
  const firehose = await fetch(`${first.url}/ingest/firehose/contact-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-amz-firehose-access-key': TOKEN },
    body: JSON.stringify({ requestId: 'k9', timestamp: Date.now(), records }),
  });
  expect(firehose.status).toBe(200);

  // A chunked body over MAX_BODY_BYTES: 413, nothing of it written.
  const big = await raw(
    first.url,
    'POST',
    '/ingest/contact-events',
    { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    ['[', ...Array.from({ length: 40 }, (_, i) => `${i ? ',' : ''}{"pad":"${'x'.repeat(8_000)}"}`), ']'],
  );
  expect(big.status).toBe(413);
  expect(await alive()).toBe(200);

  const before = await state(first);
  expect(before.board.conferences.map((c) => c.id).sort()).toEqual(['k9-a', 'k9-f']);
  expect(before.views.find((v) => v.id === 'k9-a').participants[0].state).toBe('hold');
  await first.kill9();

  const second = await spawnSidecar(ENV);
  children.push(second);
  expect(second.output()).toMatch(/restored \d+ logged events into 2 live conferences/);
  expect(await state(second)).toEqual(before);
  expect(await second.getJson('/api/status')).toMatchObject({ quarantinedRows: 0, needingAttention: {} });
  for (const root of ['k9-b1', 'k9-b2', 'k9-b3', 'k9-b4', 'k9-b5'])
    expect((await fetch(`${second.url}/api/conferences/${root}`, { headers: asAdmin })).status).toBe(404);
}, 60_000);
