import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { applyEvent, createEngine, type DomainEvent } from '@/lib/conference';
import { openStore, type Store } from '@/server/store';
import { sqliteFilePath } from '@/server/store/sqlite-database';
import { buildContactEvent, buildEntry, BUILDER_EPOCH } from '@/server/store/test-fixtures/event-builders';
import { replayEventLog } from './restore';

const opened: { store: Store; dir: string }[] = [];
afterEach(async () => {
  for (const { store, dir } of opened.splice(0)) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function openScratchStore(): Promise<{ store: Store; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'confwatch-restore-'));
  const store = await openStore({ kind: 'sqlite', dataDir: dir });
  opened.push({ store, dir });
  return { store, dir };
}

/** The engine's own `applyEvent` with a defect that only `eventId` meets. */
const defectOn =
  (eventId: string): typeof applyEvent =>
  (engine, event: DomainEvent, now) => {
    if (event.eventId === eventId) throw new TypeError(`engine defect met by ${eventId}`);
    return applyEvent(engine, event, now);
  };

const ROW_TIME = BUILDER_EPOCH + 60_000;

test('a row that parses but fails to apply is quarantined with why; its conference is reported, the replay goes on', async () => {
  const { store, dir } = await openScratchStore();
  await store.appendEvents(
    [
      buildContactEvent('a-1', 'call-a', BUILDER_EPOCH),
      buildContactEvent('b-1', 'call-b', BUILDER_EPOCH),
      buildContactEvent('b-2', 'call-b', BUILDER_EPOCH + 1_000, 'call-b-leg'),
      buildContactEvent('c-1', 'call-c', BUILDER_EPOCH + 2_000),
    ].map((event) => buildEntry(event, ROW_TIME)),
  );

  const engine = createEngine();
  const result = await replayEventLog(engine, store, ROW_TIME + 5_000, defectOn('b-2'));
  expect(result).toMatchObject({ events: 3, quarantined: 1, damaged: ['call-b'], archived: [] });
  expect([...engine.conferences.keys()].sort()).toEqual(['call-a', 'call-b', 'call-c']);
  expect(await store.eventLogSize()).toBe(3);
  expect(await store.quarantineSize()).toBe(1);
  const db = new Database(sqliteFilePath(dir), { readonly: true });
  const kept = db.prepare('SELECT root_id, event, reason, quarantined_at FROM event_quarantine').all();
  db.close();
  expect(kept).toEqual([
    {
      root_id: 'call-b',
      event: expect.stringContaining('"eventId":"b-2"'),
      reason: 'could not be applied: engine defect met by b-2',
      quarantined_at: ROW_TIME + 5_000,
    },
  ]);

  // The next restore reads a log without it: nothing more to set aside, nothing damaged.
  const again = await replayEventLog(createEngine(), store, ROW_TIME + 9_000);
  expect(again).toMatchObject({ events: 3, quarantined: 0, damaged: [] });
});

test('a log whose first row was received at the epoch restores (nothing reads a time before it)', async () => {
  const { store } = await openScratchStore();
  await store.appendEvents([buildEntry(buildContactEvent('z-1', 'call-z', BUILDER_EPOCH), 0)]);
  const result = await replayEventLog(createEngine(), store, ROW_TIME);
  expect(result).toMatchObject({ events: 1, quarantined: 0, damaged: [], archived: [] });
});
