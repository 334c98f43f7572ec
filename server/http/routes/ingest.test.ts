import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { agentContact, agentEvent, ccpSnapshot, contactEvent } from '@/server/test-helpers/raw-builders';
import { startTestSidecar, TOKEN, type TestSidecar } from '@/server/test-helpers/test-sidecar';

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar({ MAX_BODY_BYTES: '4096' });
});
afterAll(() => sidecar.stop());

const raw = (path: string, init: RequestInit) => fetch(`${sidecar.url}${path}`, init);
const conferences = async () =>
  (await sidecar.get('/api/conferences?include=ended')).body.conferences as { id: string }[];

describe('POST /ingest/{stream}', () => {
  test('accepts one item or an array, answering 202 with counts', async () => {
    const one = await sidecar.post('contact-events', contactEvent('INITIATED', 0, { root: 'in-1' }));
    expect(one).toEqual({ status: 202, body: { accepted: 1, duplicates: 0, rejected: [] } });
    const many = await sidecar.post('contact-events', [
      contactEvent('CONNECTED_TO_AGENT', 2, { root: 'in-1', agent: 'alice' }),
      contactEvent('INITIATED', 5, { root: 'in-1', contactId: 'in-1-t', agent: 'bob' }),
    ]);
    expect(many.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const listed = await sidecar.get('/api/conferences/in-1');
    expect(listed.status).toBe(200);
    expect(listed.body.activeParticipants).toBe(3);
  });

  test('authenticates with a bearer token or an x-api-key header (EventBridge API destination)', async () => {
    const body = JSON.stringify(contactEvent('INITIATED', 0, { root: 'auth-1' }));
    const noToken = await raw('/ingest/contact-events', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(noToken.status).toBe(401);
    expect((await noToken.json()).error).toMatch(/ingest token/);
    const wrong = await raw('/ingest/contact-events', {
      method: 'POST',
      body,
      headers: { authorization: 'Bearer nope-nope-nope-nope' },
    });
    expect(wrong.status).toBe(401);
    const apiKey = await raw('/ingest/contact-events', {
      method: 'POST',
      body,
      headers: { 'x-api-key': TOKEN },
    });
    expect(apiKey.status).toBe(202);
  });

  test('O5 refuses a body that is not JSON (400), an empty body (400) and an oversized one (413), changing nothing', async () => {
    const before = await conferences();
    expect((await sidecar.post('contact-events', '{"id": ')).status).toBe(400);
    expect((await sidecar.post('contact-events', '')).status).toBe(400);
    const big = await sidecar.post('contact-events', JSON.stringify({ padding: 'x'.repeat(5000) }));
    expect(big.status).toBe(413);
    expect(big.body.error).toMatch(/limit of 4096/);
    expect(await conferences()).toEqual(before);
  });

  test('O5 a bad item is rejected alone, with its index and reason; the others apply', async () => {
    const bad = {
      ...contactEvent('INITIATED', 0, { root: 'mix-1' }),
      'detail-type': 'Amazon Connect Agent Event',
    };
    const result = await sidecar.post('contact-events', [
      contactEvent('INITIATED', 0, { root: 'mix-2' }),
      bad,
      42,
      contactEvent('CONNECTED_TO_AGENT', 1, { root: 'mix-2', agent: 'carol' }),
    ]);
    expect(result.status).toBe(202);
    expect(result.body.accepted).toBe(2);
    expect(result.body.rejected).toEqual([
      { index: 1, reason: expect.stringContaining('detail-type') },
      { index: 2, reason: expect.any(String) },
    ]);
    expect((await sidecar.get('/api/conferences/mix-1')).status).toBe(404);
    expect((await sidecar.get('/api/conferences/mix-2')).status).toBe(200);
  });

  test('O1 duplicates are counted, not applied twice', async () => {
    const event = contactEvent('INITIATED', 0, { root: 'dup-1' });
    await sidecar.post('contact-events', event);
    expect((await sidecar.post('contact-events', [event, event])).body).toEqual({
      accepted: 0,
      duplicates: 2,
      rejected: [],
    });
  });

  test('accepts agent event records and CCP snapshots on their own routes', async () => {
    await sidecar.post('contact-events', [
      contactEvent('INITIATED', 0, { root: 'src-1' }),
      contactEvent('CONNECTED_TO_AGENT', 1, { root: 'src-1', agent: 'dave' }),
    ]);
    const agent = await sidecar.post(
      'agent-events',
      agentEvent('dave', 3, [agentContact('CONNECTED_ONHOLD', { root: 'src-1' })]),
    );
    expect(agent.body.accepted).toBe(1);
    const ccp = await sidecar.post(
      'ccp',
      ccpSnapshot('dave', 4, [{ kind: 'self', state: 'connected', muted: true }], { root: 'src-1' }),
    );
    expect(ccp.body.accepted).toBe(1);
    const view = (await sidecar.get('/api/conferences/src-1')).body;
    expect(view.participants.map((p: any) => [p.role, p.state, p.muted])).toEqual([
      ['customer', 'hold', null],
      ['agent', 'connected', true],
    ]);
  });

  test('refuses an unknown stream (404) and a wrong method (405)', async () => {
    expect((await sidecar.post('tasks', [])).status).toBe(404);
    expect((await raw('/ingest/ccp', { method: 'GET' })).status).toBe(405);
  });

  test('the source-clock header must be a time', async () => {
    const result = await sidecar.post('ccp', [], {
      authorization: `Bearer ${await sidecar.token('replay')}`,
      'x-confwatch-source-clock': 'soon',
    });
    expect(result).toEqual({
      status: 400,
      body: { error: expect.stringContaining('x-confwatch-source-clock') },
    });
  });

  test('/metrics counts events per source and outcome', async () => {
    const metrics = (await sidecar.get('/metrics')).body as string;
    expect(metrics).toMatch(/confwatch_ingest_events_total\{outcome="rejected",source="contact-events"\} 2/);
    expect(metrics).toMatch(/confwatch_ingest_events_total\{outcome="duplicate",source="contact-events"\} 2/);
    expect(metrics).toMatch(/confwatch_live_conferences \d+/);
    expect(metrics).toMatch(/confwatch_ingest_to_emit_seconds_count \d+/);
  });
});

describe('CORS for the CCP relay (agents post from the CCP origin)', () => {
  let cors: TestSidecar;
  beforeAll(async () => {
    cors = await startTestSidecar({
      INGEST_CORS_ORIGINS: 'https://acme.my.connect.aws, https://ccp.example.com/',
    });
  });
  afterAll(() => cors.stop());

  test('an allowed origin gets its preflight answered and may post', async () => {
    const preflight = await fetch(`${cors.url}/ingest/ccp`, {
      method: 'OPTIONS',
      headers: { origin: 'https://acme.my.connect.aws', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://acme.my.connect.aws');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const post = await fetch(`${cors.url}/ingest/ccp`, {
      method: 'POST',
      headers: {
        origin: 'https://ccp.example.com',
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
      },
      body: '[]',
    });
    expect(post.status).toBe(202);
    expect(post.headers.get('access-control-allow-origin')).toBe('https://ccp.example.com');
  });

  test('any other origin is refused at the preflight and gets no CORS header', async () => {
    const preflight = await fetch(`${cors.url}/ingest/ccp`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(preflight.status).toBe(403);
    const post = await fetch(`${cors.url}/ingest/ccp`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', authorization: `Bearer ${TOKEN}` },
      body: '[]',
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});
