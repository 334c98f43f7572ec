import { afterEach, describe, expect, test } from 'vitest';
import { agentContact, agentEvent, ccpSnapshot, contactEvent } from '@/server/test-helpers/raw-builders';
import { startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

const running: TestSidecar[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});
async function sidecar(env: Record<string, string> = {}): Promise<TestSidecar> {
  const s = await startTestSidecar(env);
  running.push(s);
  return s;
}

type Item = { stream: string; payload: unknown };

/** A six-party mortgage-closing call with holds, mutes, Contact Lens and a party leaving, as raw items. */
function mortgageCall(root: string): Item[] {
  const c = (type: string, s: number, o: Parameters<typeof contactEvent>[2] = {}) => ({
    stream: 'contact-events',
    payload: contactEvent(type, s, { root, ...o }),
  });
  const leg = (id: string, method = 'TRANSFER') => ({ contactId: `${root}-${id}`, method });
  return [
    c('INITIATED', 0, { lens: true }),
    c('QUEUED', 2),
    c('CONNECTED_TO_AGENT', 10, { agent: 'anna' }),
    { stream: 'agent-events', payload: agentEvent('anna', 10, [agentContact('CONNECTED', { root })]) },
    { stream: 'agent-events', payload: agentEvent('anna', 20, [agentContact('CONNECTED_ONHOLD', { root })]) },
    c('INITIATED', 21, { ...leg('broker', 'EXTERNAL_OUTBOUND'), phone: '+4930111' }),
    c('CONNECTED_TO_SYSTEM', 25, leg('broker', 'EXTERNAL_OUTBOUND')),
    { stream: 'agent-events', payload: agentEvent('anna', 40, [agentContact('CONNECTED', { root })]) },
    c('INITIATED', 50, { ...leg('spouse', 'EXTERNAL_OUTBOUND'), phone: '+4930222' }),
    c('CONNECTED_TO_SYSTEM', 55, leg('spouse', 'EXTERNAL_OUTBOUND')),
    c('INITIATED', 60, { ...leg('translator', 'EXTERNAL_OUTBOUND'), phone: '+4930333' }),
    c('CONNECTED_TO_SYSTEM', 66, leg('translator', 'EXTERNAL_OUTBOUND')),
    c('INITIATED', 70, leg('manager')),
    {
      stream: 'agent-events',
      payload: agentEvent('max', 71, [agentContact('CONNECTING', { root, contactId: `${root}-manager` })]),
    },
    c('CONNECTED_TO_AGENT', 75, { ...leg('manager'), agent: 'max' }),
    {
      stream: 'agent-events',
      payload: agentEvent('max', 75, [agentContact('CONNECTED', { root, contactId: `${root}-manager` })]),
    },
    {
      stream: 'ccp',
      payload: ccpSnapshot(
        'anna',
        80,
        [{ kind: 'external', state: 'connected', phoneNumber: '+4930333', muted: true }],
        { root },
      ),
    },
    c('DISCONNECTED', 120, leg('translator', 'EXTERNAL_OUTBOUND')),
  ];
}

async function postAll(s: TestSidecar, items: Item[], batch = 3): Promise<void> {
  for (let i = 0; i < items.length; i += batch) {
    const slice = items.slice(i, i + batch);
    for (const stream of new Set(slice.map((x) => x.stream))) {
      const result = await s.post(
        stream,
        slice.filter((x) => x.stream === stream).map((x) => x.payload),
      );
      expect(result.status).toBe(202);
    }
  }
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const board = async (s: TestSidecar) => (await s.get('/api/conferences?include=ended')).body.conferences;

describe('the hub', () => {
  test('O1 O2 duplicated and shuffled delivery over HTTP converges on the same conferences', async () => {
    const ordered = await sidecar();
    const noisy = await sidecar();
    const items = [...mortgageCall('m-1'), ...mortgageCall('m-2')];
    await postAll(ordered, items);
    await postAll(noisy, shuffled([...items, ...items.slice(0, 12), ...items.slice(20, 26)], 7), 4);
    const expected = await board(ordered);
    expect(expected).toHaveLength(2);
    expect(expected[0].peakParticipants).toBe(6);
    expect(await board(noisy)).toEqual(expected);
  });

  test('E4 an ended conference stays visible for the grace time, then moves to history and off the board', async () => {
    const s = await sidecar({ ENDED_GRACE_SECONDS: '1' });
    await postAll(s, [
      { stream: 'contact-events', payload: contactEvent('INITIATED', 0, { root: 'end-1' }) },
      {
        stream: 'contact-events',
        payload: contactEvent('CONNECTED_TO_AGENT', 1, { root: 'end-1', agent: 'gil' }),
      },
      { stream: 'contact-events', payload: contactEvent('DISCONNECTED', 30, { root: 'end-1' }) },
    ]);
    expect((await s.get('/api/conferences')).body.conferences).toEqual([]);
    expect((await s.get('/api/conferences?include=ended')).body.conferences[0]).toMatchObject({
      id: 'end-1',
      state: 'ended',
    });
    await expect
      .poll(async () => (await s.get('/api/conferences?include=ended')).body.conferences.length, {
        timeout: 5_000,
      })
      .toBe(0);
    const record = await s.store.getHistory('end-1');
    expect(record).toMatchObject({
      id: 'end-1',
      state: 'ended',
      peakParticipants: 2,
      endedAt: '2026-11-23T10:00:30.000Z',
    });
    expect((await s.get('/api/conferences/end-1')).body).toEqual(record);
  });

  test('O4 events for a conference already in history update its record and never bring it back', async () => {
    const s = await sidecar({ ENDED_GRACE_SECONDS: '0' });
    await postAll(s, [
      { stream: 'contact-events', payload: contactEvent('INITIATED', 0, { root: 'late-1' }) },
      {
        stream: 'contact-events',
        payload: contactEvent('CONNECTED_TO_AGENT', 1, { root: 'late-1', agent: 'hal' }),
      },
      { stream: 'contact-events', payload: contactEvent('DISCONNECTED', 30, { root: 'late-1' }) },
    ]);
    await expect.poll(() => s.store.getHistory('late-1'), { timeout: 5_000 }).not.toBeNull();
    await s.post(
      'contact-events',
      contactEvent('INITIATED', 20, { root: 'late-1', contactId: 'late-1-x', method: 'EXTERNAL_OUTBOUND' }),
    );
    await expect
      .poll(async () => (await s.store.getHistory('late-1'))?.contactTree.children.map((c) => c.contactId), {
        timeout: 5_000,
      })
      .toEqual(['late-1-x']);
    expect((await s.get('/api/conferences?include=ended')).body.conferences).toEqual([]);
  });

  test('E5 a conference nothing is heard of for STALE_CONFERENCE_HOURS ends as stale', async () => {
    const s = await sidecar({ STALE_CONFERENCE_HOURS: '0.0003', ENDED_GRACE_SECONDS: '60' });
    await postAll(s, [
      { stream: 'contact-events', payload: contactEvent('INITIATED', 0, { root: 'stale-1' }) },
      {
        stream: 'contact-events',
        payload: contactEvent('CONNECTED_TO_AGENT', 1, { root: 'stale-1', agent: 'ivy' }),
      },
    ]);
    await expect
      .poll(async () => (await s.get('/api/conferences/stale-1')).body.endReason, { timeout: 5_000 })
      .toBe('stale');
  });

  test('A3 long hold is raised by the clock alone, since hold start plus the threshold', async () => {
    const s = await sidecar({ LONG_HOLD_SECONDS: '1' });
    const now = Date.now();
    await s.post('contact-events', [
      { ...contactEvent('INITIATED', 0, { root: 'hold-1' }), time: new Date(now).toISOString() },
      contactEvent('CONNECTED_TO_AGENT', 0, { root: 'hold-1', agent: 'jo' }),
    ]);
    const held = ccpSnapshot('jo', 0, [{ kind: 'customer', state: 'hold' }], { root: 'hold-1' });
    held.reportedAt = new Date(now).toISOString();
    await s.post('ccp', held);
    await expect
      .poll(async () => (await s.get('/api/conferences/hold-1')).body.alerts.map((a: any) => a.kind), {
        timeout: 5_000,
      })
      .toContain('long-hold');
    const alert = (await s.get('/api/conferences/hold-1')).body.alerts.find(
      (a: any) => a.kind === 'long-hold',
    );
    expect(Date.parse(alert.since)).toBe(now + 1000);
  });

  test('a restart with the same data directory restores the live conferences exactly', async () => {
    const first = await startTestSidecar();
    const items = [...mortgageCall('r-1'), ...mortgageCall('r-2').slice(0, 9)];
    await postAll(first, items);
    const before = await board(first);
    await first.stop({ keepData: true });
    const second = await startTestSidecar({}, first.dataDir);
    running.push(second);
    expect(await board(second)).toEqual(before);
    expect((await second.post('contact-events', items[0]!.payload)).body.duplicates).toBe(1);
  });
});
