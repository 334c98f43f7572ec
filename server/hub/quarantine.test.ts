import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { sqliteFilePath } from '@/server/store/sqlite-database';
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
function plant(dataDir: string, rows: { root: string; event: string }[]): void {
  const db = new Database(sqliteFilePath(dataDir));
  const insert = db.prepare('INSERT INTO event_log (root_id, received_at, event) VALUES (?, ?, ?)');
  for (const row of rows) insert.run(row.root, T0 + 5_000, row.event);
  db.close();
}

test('a logged row that cannot be restored is quarantined, counted, and the sidecar starts with the rest', async () => {
  const first = await startTestSidecar();
  await first.post('contact-events', [...call('q-good', 'ann'), ...call('q-bad', 'bob')]);
  const before = (await first.get('/api/conferences/q-good')).body;
  await first.stop({ keepData: true });

  const poison = {
    source: 'agent',
    eventId: 'poison-1',
    at: 8_640_000_000_000_001,
    agentArn: agentArn('bob'),
    contacts: [{ contactId: 'q-bad', rootId: 'q-bad', state: 'CONNECTED_ONHOLD' }],
  };
  plant(first.dataDir, [
    { root: 'q-bad', event: 'this is not JSON' },
    { root: 'q-bad', event: JSON.stringify(poison) },
  ]);

  for (let restart = 0; restart < 2; restart++) {
    const next = await startTestSidecar({}, first.dataDir);
    running.push(next);
    expect((await next.get('/api/conferences/q-good')).body).toEqual(before);
    const list = await next.get('/api/conferences');
    expect(list.status).toBe(200);
    const health = (await next.get('/api/status')).body;
    expect(health.quarantinedRows).toBeGreaterThanOrEqual(1);
    // The poisoned conference is either set aside with its row or taken off the board: never a crash.
    expect(health.quarantinedRows + Object.keys(health.needingAttention).length).toBeGreaterThanOrEqual(2);
    expect((await next.get('/metrics')).body).toMatch(
      new RegExp(`^confwatch_event_log_quarantined_rows ${health.quarantinedRows}$`, 'm'),
    );
    await next.stop({ keepData: true });
    running.pop();
  }
  const db = new Database(sqliteFilePath(first.dataDir), { readonly: true });
  const kept = db.prepare('SELECT event, reason FROM event_quarantine ORDER BY seq').all() as {
    event: string;
    reason: string;
  }[];
  db.close();
  rmSync(first.dataDir, { recursive: true, force: true });
  expect(kept[0]).toMatchObject({ event: 'this is not JSON', reason: expect.stringMatching(/invalid JSON/) });
});
