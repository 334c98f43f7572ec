import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseEnv } from '@/server/env';
import { hubSettingsFromEnv } from '@/server/hub/hub-settings';
import {
  agentContact,
  agentEvent,
  ccpSnapshot,
  contactEvent,
  pascalDetail,
  T0,
} from '@/server/test-helpers/raw-builders';
import { startTestSidecar, TOKEN, type TestSidecar } from '@/server/test-helpers/test-sidecar';
import { DEFAULT_INGEST_WINDOW_MS } from './normalize-context';

/** These sidecars run with the production window (24 h), so items are dated around now. */
const LIVE = { INGEST_TIME_WINDOW_HOURS: '24', LONG_HOLD_SECONDS: '86400', ENDED_GRACE_SECONDS: '3600' };
const NOW_S = Math.round((Date.now() - T0) / 1000);
const arn = (length: number) => `arn:aws:connect:${'x'.repeat(length - 16)}`;
const deepJson = (depth: number) => '{"k":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
const detailOf = (event: { detail: Record<string, unknown> }) => event.detail as Record<string, any>;

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar(LIVE);
});
afterAll(() => sidecar.stop());

const board = async (s: TestSidecar) =>
  (await s.get('/api/conferences?include=ended')).body.conferences as { id: string }[];
const healthy = async (s: TestSidecar) => (await s.get('/healthz')).status === 200;

/** A call on `root` answered by `agent`: listed once both events apply (M2). */
const call = (root: string, agent: string) => [
  contactEvent('INITIATED', NOW_S, { root }),
  contactEvent('CONNECTED_TO_AGENT', NOW_S + 1, { root, agent }),
];

function firehose(s: TestSidecar, stream: string, items: string[]) {
  const records = items.map((text) => ({ data: Buffer.from(text).toString('base64') }));
  return fetch(`${s.url}/ingest/firehose/${stream}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-amz-firehose-access-key': TOKEN },
    body: JSON.stringify({ requestId: 'req-edge', timestamp: Date.now(), records }),
  });
}

test('the default window is ±24 h of the sidecar clock', () => {
  const settings = hubSettingsFromEnv(parseEnv({ INGEST_TOKEN: TOKEN }));
  expect(settings.ingestWindowMs).toBe(DEFAULT_INGEST_WINDOW_MS);
  expect(DEFAULT_INGEST_WINDOW_MS).toBe(86_400_000);
});

describe('a batch with poisoned items (HTTP)', () => {
  test('O5 agent event with EventTimestamp 8640000000000001: 202, rejected alone, the good ones applied, the server stays up', async () => {
    await sidecar.post('contact-events', call('edge-a', 'alice'));
    const poisoned = {
      ...agentEvent('alice', NOW_S + 2, [agentContact('CONNECTED_ONHOLD', { root: 'edge-a', since: NOW_S })]),
      EventTimestamp: 8_640_000_000_000_001,
    };
    const result = await sidecar.post('agent-events', [
      agentEvent('alice', NOW_S + 3, [agentContact('CONNECTED_ONHOLD', { root: 'edge-a', since: NOW_S })]),
      poisoned,
    ]);
    expect(result).toEqual({
      status: 202,
      body: {
        accepted: 1,
        duplicates: 0,
        rejected: [{ index: 1, reason: expect.stringContaining('EventTimestamp') }],
      },
    });
    const view = await sidecar.get('/api/conferences/edge-a');
    expect(view.status).toBe(200);
    expect(view.body.participants[0].state).toBe('hold');
    expect(await healthy(sidecar)).toBe(true);
  });

  test('O5 pre-1970 date, 300-character ARN, 20,000-deep detail, 30 February, __proto__: each rejected alone with its field; the good items applied', async () => {
    const pre1970 = contactEvent('INITIATED', NOW_S, { root: 'edge-b1' });
    detailOf(pre1970).initiationTimestamp = '1969-12-31T23:59:59Z';
    const longArn = contactEvent('CONNECTED_TO_AGENT', NOW_S, { root: 'edge-b2', agent: 'bob' });
    detailOf(longArn).agentInfo.agentArn = arn(300);
    const february = contactEvent('DISCONNECTED', NOW_S, { root: 'edge-b3' });
    detailOf(february).disconnectTimestamp = '2026-02-30T10:00:00Z';
    const deep = JSON.stringify(contactEvent('INITIATED', NOW_S, { root: 'edge-b4' })).replace(
      '"channel"',
      `"junk":${deepJson(20_000)},"channel"`,
    );
    const proto = JSON.stringify(pascalDetail(contactEvent('INITIATED', NOW_S, { root: 'edge-b5' }))).replace(
      '"ContactId":"edge-b5",',
      '"__proto__":{"contactId":"edge-b5"},',
    );
    const [good1, good2] = call('edge-b', 'carol');
    const body = `[${[good1, pre1970, longArn, deep, february, proto, good2]
      .map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
      .join(',')}]`;
    expect(body.length).toBeGreaterThan(100_000);

    const result = await sidecar.post('contact-events', body);
    expect(result.status).toBe(202);
    expect(result.body.accepted).toBe(2);
    expect(result.body.rejected).toEqual([
      { index: 1, reason: expect.stringContaining('detail.initiationTimestamp: before 1970') },
      { index: 2, reason: expect.stringContaining('detail.agentInfo.agentArn') },
      { index: 3, reason: expect.stringContaining('detail: nested deeper than 64 levels') },
      { index: 4, reason: expect.stringContaining('detail.disconnectTimestamp') },
      { index: 5, reason: expect.stringContaining('detail.contactId') },
    ]);
    expect((await sidecar.get('/api/conferences/edge-b')).status).toBe(200);
    for (const root of ['edge-b1', 'edge-b2', 'edge-b3', 'edge-b4', 'edge-b5'])
      expect((await sidecar.get(`/api/conferences/${root}`)).status).toBe(404);
    expect(await healthy(sidecar)).toBe(true);
  });

  test('O5 a CCP snapshot from far in the future and a 257-character agent ARN are rejected alone', async () => {
    await sidecar.post('contact-events', call('edge-c', 'dave'));
    const future = {
      ...ccpSnapshot('dave', NOW_S, [], { root: 'edge-c' }),
      reportedAt: '2999-01-01T00:00:00Z',
    };
    const long = { ...ccpSnapshot('dave', NOW_S, [], { root: 'edge-c' }), agentArn: arn(257) };
    const good = ccpSnapshot('dave', NOW_S + 2, [{ kind: 'self', state: 'connected', muted: true }], {
      root: 'edge-c',
    });
    const result = await sidecar.post('ccp', [future, long, good]);
    expect(result.body).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        {
          index: 0,
          reason: expect.stringMatching(/^reportedAt: 2999-01-01T00:00:00.000Z is more than 24 h after/),
        },
        { index: 1, reason: expect.stringContaining('agentArn') },
      ],
    });
    const view = (await sidecar.get('/api/conferences/edge-c')).body;
    expect(view.participants[1].muted).toBe(true);
  });

  test('O5 Firehose: poisoned records are rejected alone, the delivery is acknowledged, the good records applied', async () => {
    const [initiated, connected] = call('edge-d', 'erin').map((item) => JSON.stringify(item));
    const pre1970 = contactEvent('INITIATED', NOW_S, { root: 'edge-d1' });
    detailOf(pre1970).initiationTimestamp = '1969-12-31T23:59:59Z';
    const res = await firehose(sidecar, 'contact-events', [
      initiated!,
      JSON.stringify(pre1970),
      `{"not": "an event"`,
      connected!,
    ]);
    expect(res.status).toBe(200);
    expect((await sidecar.get('/api/conferences/edge-d')).status).toBe(200);
    expect((await sidecar.get('/api/conferences/edge-d1')).status).toBe(404);
    const metrics = (await sidecar.get('/metrics')).body as string;
    expect(metrics).toMatch(
      /confwatch_ingest_events_total\{outcome="rejected",source="contact-events"\} [1-9]/,
    );
  });

  test('O5 after the poisoned batches a restart on the same data directory comes up with the same conferences', async () => {
    const before = await board(sidecar);
    expect(before.map((c) => c.id)).toEqual(expect.arrayContaining(['edge-a', 'edge-b', 'edge-c', 'edge-d']));
    const views = await Promise.all(
      before.map(async (c) => (await sidecar.get(`/api/conferences/${c.id}`)).body),
    );
    expect(await sidecar.store.eventLogSize()).toBeGreaterThan(0);
    await sidecar.stop({ keepData: true });
    const restarted = await startTestSidecar(LIVE, sidecar.dataDir);
    try {
      expect(await board(restarted)).toEqual(before);
      const again = await Promise.all(
        before.map(async (c) => (await restarted.get(`/api/conferences/${c.id}`)).body),
      );
      expect(again).toEqual(views);
      expect(await healthy(restarted)).toBe(true);
    } finally {
      sidecar = restarted; // afterAll stops it
      rmSync(restarted.dataDir, { recursive: true, force: true, maxRetries: 3 });
    }
  });
});

describe('the window follows the sidecar clock', () => {
  let replay: TestSidecar;
  beforeAll(async () => {
    replay = await startTestSidecar(LIVE);
  });
  afterAll(() => replay.stop());

  test('O5 items dated days before the sidecar clock are rejected; a replay clock header moves the window with the recording', async () => {
    const old = contactEvent('INITIATED', 0, { root: 'replayed' });
    const live = await replay.post('contact-events', old);
    expect(live.body.rejected).toEqual([
      { index: 0, reason: expect.stringMatching(/^time: 2026-11-23T10:00:00.000Z is more than 24 h before/) },
    ]);
    const replayed = await replay.post(
      'contact-events',
      [old, contactEvent('CONNECTED_TO_AGENT', 1, { root: 'replayed', agent: 'fay' })],
      {
        authorization: `Bearer ${await replay.token('replay')}`,
        'x-confwatch-source-clock': new Date(T0 + 1000).toISOString(),
      },
    );
    expect(replayed.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect((await replay.get('/api/conferences/replayed')).status).toBe(200);
  });
});
