import { describe, expect, test } from 'vitest';
import { openStore } from '../open-store';
import { buildBatch } from '../test-fixtures/event-builders';
import { buildAck, buildView } from '../test-fixtures/history-builders';
import type { ContractContext } from './context';
import { readWholeLog } from './read-all';

export function registerLifecycleContract({ open, target }: ContractContext): void {
  describe('lifecycle', () => {
    test('a reopened store still holds the log, history and acknowledgements', async () => {
      const first = await open();
      const batch = buildBatch('persist', 5);
      const view = buildView('conf-kept');
      const ack = buildAck('conf-kept');
      await first.appendEvents(batch);
      await first.writeHistory([view], 1_000);
      await first.saveAck(ack);
      await first.close();

      const second = await open();
      expect((await readWholeLog(second)).map((r) => r.event)).toEqual(batch.map((e) => e.event));
      expect(await second.getHistory('conf-kept')).toEqual(view);
      expect(await second.listArchivedIdsSince(0)).toEqual(['conf-kept']);
      expect(await second.listAcks()).toEqual([ack]);
    });

    test('opening again is idempotent and records the schema version once', async () => {
      await (await open()).close();
      const store = await open();
      expect(store.kind).toBe(target.label);
      const rows = await target.exec('SELECT version FROM schema_version');
      expect(rows.map((r) => Number(r.version))).toEqual([2]);
    });

    test('refuses a database written by a newer schema version', async () => {
      await (await open()).close();
      await target.exec('UPDATE schema_version SET version = 99');
      await expect(openStore(target.config)).rejects.toThrow(
        /schema version 99, newer than this confwatch understands \(2\)/,
      );
    });

    test('calls after close reject with a clear error; closing twice is harmless', async () => {
      const store = await open();
      await store.close();
      await store.close();
      await expect(store.eventLogSize()).rejects.toThrow(`the ${target.label} store is closed`);
      await expect(store.appendEvents([])).rejects.toThrow(/closed/);
    });
  });
}
