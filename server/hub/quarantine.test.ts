import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { sqliteFilePath } from '@/server/store/sqlite-database';
import { readSeries } from '@/server/test-helpers/metrics-text';
import { agentArn, contactEvent, T0 } from '@/server/test-helpers/raw-builders';
import { startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

const running: TestSidecar[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

const call = (root: string, agent: string) => [
  contactEvent('INITIATED', 0, { root }),
  contactEvent('CONNECTED_TO_AGENT', 1, { root, agent }),
];

/** Writes rows straight into a stopped sidecar's event log, as a bug or a bad disk might. */
function plant(dataDir: string, rows: { root: string; event: string; receivedAt?: number }[]): void {
  const db = new Database(sqliteFilePath(dataDir));
  const insert = db.prepare('INSERT INTO event_log (root_id, received_at, event) VALUES (?, ?, ?)');
  for (const row of rows) insert.run(row.root, row.receivedAt ?? T0 + 5_000, row.event);
  db.close();
}

const ids = (body: { conferences: { id: string }[] }) => body.conferences.map((c) => c.id).sort();

test('logged rows that cannot be restored are quarantined and counted; their conference sits out one start, the rest starts', async () => {
  const first = await startTestSidecar();
  await first.post('contact-events', [...call('q-good', 'ann'), ...call('q-bad', 'bob')]);
  const good = (await first.get('/api/conferences/q-good')).body;
  const bad = (await first.get('/api/conferences/q-bad')).body;
  await first.stop({ keepData: true });

  const heldAgent = {
    source: 'agent',
    eventId: 'planted-1',
    at: T0 + 3_000,
    agentArn: agentArn('bob'),
    contacts: [{ contactId: 'q-bad', rootId: 'q-bad', state: 'CONNECTED_ONHOLD' }],
  };
  plant(first.dataDir, [
    { root: 'q-bad', event: 'this is not JSON' },
    // A time past what the engine can work with (the 8640000000000001).
    {
      root: 'q-bad',
      event: JSON.stringify({ ...heldAgent, eventId: 'poison-1', at: 8_640_000_000_000_001 }),
    },
    // A valid event, received at a time before the epoch.
    { root: 'q-bad', event: JSON.stringify(heldAgent), receivedAt: -5 },
  ]);

  // First start: the three rows move to quarantine, q-bad (whose rows they were) sits out.
  const next = await startTestSidecar({}, first.dataDir);
  running.push(next);
  expect((await next.get('/api/conferences/q-good')).body).toEqual(good);
  expect(ids((await next.get('/api/conferences')).body)).toEqual(['q-good']);
  const status = (await next.get('/api/status')).body;
  expect(status.quarantinedRows).toBe(3);
  expect(status.needingAttention).toEqual({ 'q-bad': expect.stringMatching(/^restore: .*quarantined/) });
  const metrics = (await next.get('/metrics')).body as string;
  expect(readSeries(metrics, 'confwatch_event_log_quarantined_rows')).toBe(3);
  expect(readSeries(metrics, 'confwatch_conferences_needing_attention')).toBe(1);
  expect(readSeries(metrics, 'confwatch_conference_faults_total{stage="restore"}')).toBe(1);
  expect(await next.store.eventLogSize()).toBe(4);
  await next.stop({ keepData: true });
  running.pop();

  // Second start: the log holds only good rows; q-bad is back as it was before the planting.
  const third = await startTestSidecar({}, first.dataDir);
  running.push(third);
  expect(ids((await third.get('/api/conferences')).body)).toEqual(['q-bad', 'q-good']);
  expect((await third.get('/api/conferences/q-bad')).body).toEqual(bad);
  const later = (await third.get('/api/status')).body;
  expect(later).toMatchObject({ quarantinedRows: 3, needingAttention: {} });
  const laterMetrics = (await third.get('/metrics')).body as string;
  expect(readSeries(laterMetrics, 'confwatch_event_log_quarantined_rows')).toBe(3);
  expect(readSeries(laterMetrics, 'confwatch_conferences_needing_attention')).toBe(0);
  expect(readSeries(laterMetrics, 'confwatch_conference_faults_total{stage="restore"}')).toBe(0);
  await third.stop({ keepData: true });
  running.pop();

  const db = new Database(sqliteFilePath(first.dataDir), { readonly: true });
  const kept = db.prepare('SELECT root_id, event, reason FROM event_quarantine ORDER BY seq').all() as {
    root_id: string;
    event: string;
    reason: string;
  }[];
  db.close();
  rmSync(first.dataDir, { recursive: true, force: true });
  expect(kept.map((k) => k.root_id)).toEqual(['q-bad', 'q-bad', 'q-bad']);
  expect(kept[0]).toMatchObject({ event: 'this is not JSON', reason: expect.stringMatching(/invalid JSON/) });
  expect(kept[1]).toMatchObject({
    event: expect.stringContaining('poison-1'),
    reason: expect.stringMatching(/^at: Too big/),
  });
  expect(kept[2]).toMatchObject({
    event: expect.stringContaining('planted-1'),
    reason: expect.stringMatching(/^received_at: Too small/),
  });
});
