import { afterEach, describe, expect, test } from 'vitest';
import { MAX_CONTACT_TREE_DEPTH } from '@/lib/conference';
import { answeredCall, tooDeepCall } from '@/server/test-helpers/deep-call';
import { readSeries } from '@/server/test-helpers/metrics-text';
import { contactEvent } from '@/server/test-helpers/raw-builders';
import {
  connectBoardClient,
  startTestSidecar,
  type BoardClient,
  type TestSidecar,
} from '@/server/test-helpers/test-sidecar';

const running: { sidecar?: TestSidecar; clients: BoardClient[] } = { clients: [] };
afterEach(async () => {
  for (const c of running.clients.splice(0)) c.close();
  await running.sidecar?.stop();
  running.sidecar = undefined;
});

async function start(env: Record<string, string> = {}): Promise<TestSidecar> {
  running.sidecar = await startTestSidecar(env);
  return running.sidecar;
}

const call = answeredCall;

const metric = async (sidecar: TestSidecar, series: string) =>
  readSeries((await sidecar.get('/metrics')).body as string, series);

const ids = (list: { id: string }[]) => list.map((c) => c.id).sort();

describe('fault containment: one conference the engine cannot show', () => {
  test('L3 its view fails while a list is read: it needs attention, is counted, leaves the board; the rest goes on', async () => {
    const sidecar = await start();
    const watcher = connectBoardClient(sidecar.url);
    running.clients.push(watcher);
    await watcher.until(() => watcher.snapshots.length === 1);

    const posted = await sidecar.post('contact-events', [...call('fine-1', 0), ...tooDeepCall('deep-1', 0)]);
    expect(posted).toMatchObject({
      status: 202,
      body: { accepted: 2 + 2 + MAX_CONTACT_TREE_DEPTH, rejected: [] },
    });
    // Its board card carries no tree: until its view is built, it is on the board like any call.
    await watcher.until(() => watcher.pushes.some((p) => p.card.id === 'deep-1'));

    const list = await sidecar.get('/api/conferences');
    expect(list.status).toBe(200);
    expect(ids(list.body.conferences)).toEqual(['fine-1']);

    const status = (await sidecar.get('/api/status')).body;
    expect(status.needingAttention).toEqual({
      'deep-1': expect.stringMatching(/^view: L3: the contact tree/),
    });
    expect(await metric(sidecar, 'confwatch_conference_faults_total{stage="view"}')).toBe(1);
    expect(await metric(sidecar, 'confwatch_conferences_needing_attention')).toBe(1);
    await watcher.until(() => watcher.patches.some((p) => p.removed.includes('deep-1')));
    expect((await sidecar.get('/api/conferences/deep-1')).status).toBe(404);

    // The rest of the board goes on: a new call is applied, listed and pushed; the fault is not repeated.
    await sidecar.post('contact-events', [
      ...call('fine-2', 5),
      contactEvent('INITIATED', 9, { root: 'deep-1', contactId: 'deep-1-more', method: 'API' }),
    ]);
    await watcher.until(() => watcher.pushes.some((p) => p.card.id === 'fine-2'));
    expect(ids((await sidecar.get('/api/conferences')).body.conferences)).toEqual(['fine-1', 'fine-2']);
    expect(await metric(sidecar, 'confwatch_conference_faults_total{stage="view"}')).toBe(1);
    expect(await metric(sidecar, 'confwatch_conferences_needing_attention')).toBe(1);
    const fresh = connectBoardClient(sidecar.url);
    running.clients.push(fresh);
    await fresh.until(() => fresh.snapshots.length === 1);
    expect(ids(fresh.snapshots[0]!.conferences)).toEqual(['fine-1', 'fine-2']);
    expect((await sidecar.get('/healthz', null)).body).toEqual({ status: 'ok', ready: true });
  });

  test('L3 its history record fails while a tick archives: it needs attention; the call that ended beside it reaches history', async () => {
    const sidecar = await start({ ENDED_GRACE_SECONDS: '0' });
    await sidecar.post('contact-events', [...call('ends-1', 0), ...tooDeepCall('deep-2', 0)]);
    // Nothing reads either view until both end and the tick writes them to history.
    await sidecar.post('contact-events', [
      contactEvent('DISCONNECTED', 30, { root: 'ends-1' }),
      contactEvent('DISCONNECTED', 30, { root: 'deep-2' }),
    ]);
    await expect
      .poll(() => sidecar.store.getHistory('ends-1'), { timeout: 5_000 })
      .toMatchObject({
        id: 'ends-1',
        state: 'ended',
      });
    await expect
      .poll(async () => (await sidecar.get('/api/status')).body.needingAttention, { timeout: 5_000 })
      .toEqual({ 'deep-2': expect.stringMatching(/^lifecycle: L3/) });
    expect(await sidecar.store.getHistory('deep-2')).toBeNull();
    expect(await metric(sidecar, 'confwatch_conference_faults_total{stage="lifecycle"}')).toBe(1);
    expect(await metric(sidecar, 'confwatch_conferences_needing_attention')).toBe(1);
    expect((await sidecar.get('/api/conferences?include=ended')).body.conferences).toEqual([]);
    // Ticks go on writing history.
    await sidecar.post('contact-events', [
      ...call('ends-2', 40),
      contactEvent('DISCONNECTED', 50, { root: 'ends-2' }),
    ]);
    await expect
      .poll(() => sidecar.store.getHistory('ends-2'), { timeout: 5_000 })
      .toMatchObject({ id: 'ends-2' });
    expect((await sidecar.get('/healthz', null)).status).toBe(200);
  });
});
