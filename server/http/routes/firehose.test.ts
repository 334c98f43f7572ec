import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { agentContact, agentEvent, contactEvent } from '@/server/test-helpers/raw-builders';
import { startTestSidecar, TOKEN, type TestSidecar } from '@/server/test-helpers/test-sidecar';

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar();
});
afterAll(() => sidecar.stop());

const encode = (item: unknown) => ({ data: Buffer.from(JSON.stringify(item)).toString('base64') });

function deliver(stream: string, records: { data: string }[], key = TOKEN, gzip = false) {
  const json = JSON.stringify({ requestId: 'req-1', timestamp: Date.now(), records });
  return fetch(`${sidecar.url}/ingest/firehose/${stream}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-amz-firehose-request-id': 'req-1',
      'x-amz-firehose-access-key': key,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    },
    body: gzip ? gzipSync(json) : json,
  });
}

test('a Firehose delivery of agent event records is ingested and answered in Firehose format', async () => {
  await sidecar.post('contact-events', [
    contactEvent('INITIATED', 0, { root: 'fh-1' }),
    contactEvent('CONNECTED_TO_AGENT', 1, { root: 'fh-1', agent: 'kim' }),
  ]);
  const res = await deliver(
    'agent-events',
    [encode(agentEvent('kim', 3, [agentContact('CONNECTED_ONHOLD', { root: 'fh-1' })])), { data: '%%%' }],
    TOKEN,
    true,
  );
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ requestId: 'req-1', timestamp: expect.any(Number) });
  const view = (await sidecar.get('/api/conferences/fh-1')).body;
  expect(view.participants[0].state).toBe('hold');
  expect((await sidecar.get('/metrics')).body).toMatch(/outcome="rejected",source="agent-events"\} 1/);
});

test('a wrong access key is refused with a Firehose error body', async () => {
  const res = await deliver('agent-events', [], 'wrong-key-wrong-key');
  expect(res.status).toBe(401);
  expect(await res.json()).toMatchObject({
    requestId: 'req-1',
    errorMessage: expect.stringContaining('access key'),
  });
});
