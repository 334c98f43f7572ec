import { afterEach, expect, test } from 'vitest';
import type { ContactEvent } from '@/lib/conference';
import { contactEvent, T0 } from '@/server/test-helpers/raw-builders';
import { startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

const running: TestSidecar[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

async function start(dataDir?: string): Promise<TestSidecar> {
  const sidecar = await startTestSidecar({}, dataDir);
  running.push(sidecar);
  return sidecar;
}

/** A domain event as a source that builds its own (Amazon Connect reconciliation) hands it in. */
const built = (
  eventId: string,
  rootId: string,
  s: number,
  extra: Partial<ContactEvent> = {},
): ContactEvent => ({
  source: 'contact',
  eventId,
  at: T0 + s * 1000,
  type: 'CONNECTED_TO_AGENT',
  contactId: rootId,
  rootId,
  method: 'INBOUND',
  agentArn: 'arn:aws:connect:eu-central-1:111122223333:instance/i/agent/lee',
  connectedToAgentAt: T0 + s * 1000,
  ...extra,
});

const rejectedMetric = async (sidecar: TestSidecar, source: string) => {
  const text = (await sidecar.get('/metrics')).body as string;
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`confwatch_ingest_events_total{outcome="rejected",source="${source}"} `));
  return Number(line?.split(' ')[1] ?? 0);
};

test('O5 events the log refuses are rejected alone, with the reason; the rest of the batch is written, applied and restored', async () => {
  const sidecar = await start();
  await sidecar.post('contact-events', contactEvent('INITIATED', 0, { root: 'fb-1' }));
  const logBefore = await sidecar.store.eventLogSize();

  const outcome = await sidecar.hub.reconciliation.ingestEvents('reconcile', [
    built('fb-good-1', 'fb-1', 2),
    // Past what the log holds (a 256-character id, a time before 1970): a source's mistake.
    built(`fb-long-${'x'.repeat(300)}`, 'fb-2', 2),
    built('fb-good-2', 'fb-3', 3, { type: 'INITIATED', connectedToAgentAt: undefined }),
    built('fb-early', 'fb-4', 3, { at: -1_000 }),
  ]);
  expect(outcome).toEqual({
    accepted: 2,
    duplicates: 0,
    rejected: [
      { index: 1, reason: expect.stringMatching(/^refused by the event log: event\.eventId: Too big/) },
      { index: 3, reason: expect.stringMatching(/^refused by the event log: event\.at: Too small/) },
    ],
  });
  expect(await sidecar.store.eventLogSize()).toBe(logBefore + 2);
  expect(await rejectedMetric(sidecar, 'reconcile')).toBe(2);
  const listed = await sidecar.get('/api/conferences/fb-1');
  expect(listed.body).toMatchObject({
    id: 'fb-1',
    participants: expect.arrayContaining([expect.objectContaining({ id: 'a:fb-1', state: 'connected' })]),
  });
  for (const root of ['fb-2', 'fb-4'])
    expect((await sidecar.get(`/api/conferences/${root}`)).status).toBe(404);
  const board = (await sidecar.get('/api/conferences')).body;

  await sidecar.stop({ keepData: true });
  running.pop();
  const restarted = await start(sidecar.dataDir);
  expect((await restarted.get('/api/conferences')).body).toEqual(board);
  expect((await restarted.get('/api/status')).body).toMatchObject({
    quarantinedRows: 0,
    needingAttention: {},
  });
});

test('O5 a batch answers 503 only when the log itself cannot be written; the sidecar stays up and says it is not ready', async () => {
  const sidecar = await start();
  await sidecar.store.close();
  const answer = await sidecar.post('contact-events', [contactEvent('INITIATED', 0, { root: 'down-1' })]);
  expect(answer.status).toBe(503);
  expect(answer.body.error).toMatch(/^the event log is unavailable, retry/);
  expect(await sidecar.get('/healthz', null)).toEqual({ status: 503, body: { status: 'ok', ready: false } });
});
