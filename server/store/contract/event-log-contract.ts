import { describe, expect, test } from 'vitest';
import { CorruptEventRowError, StoreInputError } from '../errors';
import {
  buildAgentEvent,
  buildBatch,
  buildCcpEvent,
  buildContactEvent,
  buildEntry,
} from '../test-fixtures/event-builders';
import type { ContractContext } from './context';
import { eventIds, readWholeLog } from './read-all';

export function registerEventLogContract({ open, target }: ContractContext): void {
  describe('event log', () => {
    test('reads back what was appended, in seq order, page by page', async () => {
      const store = await open();
      const entries = [
        buildEntry(buildContactEvent('e1', 'r1'), 1_000),
        buildEntry(buildCcpEvent('e2', 'r2'), 2_000),
        buildEntry(buildContactEvent('e3', 'r1', 3_000, 'r1-leg'), 3_000),
      ];
      await store.appendEvents(entries);
      await store.appendEvents(buildBatch('b', 4));

      const first = await store.readEventLog(0, 2);
      const rest = await store.readEventLog(first[1]!.seq, 100);
      const rows = [...first, ...rest];
      expect(eventIds(rows)).toEqual(['e1', 'e2', 'e3', 'b-0', 'b-1', 'b-2', 'b-3']);
      expect(
        rows.slice(0, 3).map(({ rootId, receivedAt, event }) => ({ roots: [rootId], receivedAt, event })),
      ).toEqual(entries);
      for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.seq).toBeGreaterThan(rows[i - 1]!.seq);
      expect(await store.readEventLog(rows.at(-1)!.seq, 10)).toEqual([]);
      expect(await store.eventLogSize()).toBe(7);
    });

    test('writes an entry once per root it touches, and a rootless entry once with root ""', async () => {
      const store = await open();
      const multi = buildAgentEvent('agent-1', ['r1', 'r2']);
      const idle = buildAgentEvent('agent-2', []);
      await store.appendEvents([
        buildEntry(multi),
        buildEntry(idle),
        buildEntry(buildCcpEvent('c1', 'r3'), 5, ['r3', 'r3']),
      ]);

      const rows = await readWholeLog(store);
      expect(rows.map((r) => [r.rootId, r.event.eventId])).toEqual([
        ['r1', 'agent-1'],
        ['r2', 'agent-1'],
        ['', 'agent-2'],
        ['r3', 'c1'],
      ]);
      expect(rows[0]!.event).toEqual(multi);
      expect(rows[1]!.event).toEqual(multi);
    });

    test('an invalid entry rejects the whole call, names the entry and writes nothing', async () => {
      const store = await open();
      const bad = {
        ...buildEntry(buildContactEvent('ok-2', 'r1')),
        event: { ...buildContactEvent('', 'r1') },
      };
      const call = store.appendEvents([buildEntry(buildContactEvent('ok-1', 'r1')), bad]);
      await expect(call).rejects.toThrow(StoreInputError);
      await expect(call).rejects.toThrow(/appendEvents: 1\.event\.eventId/);
      await expect(
        store.appendEvents([{ ...buildEntry(buildContactEvent('x', 'r1')), receivedAt: -1 }]),
      ).rejects.toThrow(/0\.receivedAt/);
      await expect(
        store.appendEvents([{ ...buildEntry(buildContactEvent('x', 'r1')), roots: [''] }]),
      ).rejects.toThrow(/0\.roots\.0/);
      await store.appendEvents([]);
      expect(await store.eventLogSize()).toBe(0);
    });

    test('readEventLog rejects a negative position or a limit below one', async () => {
      const store = await open();
      await expect(store.readEventLog(-1, 10)).rejects.toThrow(/readEventLog afterSeq/);
      await expect(store.readEventLog(0, 0)).rejects.toThrow(/readEventLog limit/);
    });

    test('deleteEventsForRoots removes only those roots and counts the rows', async () => {
      const store = await open();
      await store.appendEvents([
        buildEntry(buildContactEvent('a1', 'ra')),
        buildEntry(buildContactEvent('a2', 'ra')),
        buildEntry(buildContactEvent('b1', 'rb')),
        buildEntry(buildAgentEvent('ab', ['ra', 'rb'])),
        buildEntry(buildAgentEvent('none', [])),
      ]);
      expect(await store.deleteEventsForRoots(['ra', 'unknown'])).toBe(3);
      expect(await store.deleteEventsForRoots([])).toBe(0);
      const rows = await readWholeLog(store);
      expect(rows.map((r) => [r.rootId, r.event.eventId])).toEqual([
        ['rb', 'b1'],
        ['rb', 'ab'],
        ['', 'none'],
      ]);
      await expect(store.deleteEventsForRoots([''])).rejects.toThrow(StoreInputError);
    });

    test('deleteRootlessEventsBefore removes only rootless rows received before the cut', async () => {
      const store = await open();
      await store.appendEvents([
        buildEntry(buildAgentEvent('n100', []), 100),
        buildEntry(buildAgentEvent('n200', []), 200),
        buildEntry(buildAgentEvent('n300', []), 300),
        buildEntry(buildContactEvent('r100', 'r'), 100),
      ]);
      expect(await store.deleteRootlessEventsBefore(250)).toBe(2);
      expect(eventIds(await readWholeLog(store))).toEqual(['n300', 'r100']);
    });

    test('seq never goes back, even after the newest rows are deleted', async () => {
      const store = await open();
      await store.appendEvents(buildBatch('old', 3));
      const highest = (await readWholeLog(store)).at(-1)!.seq;
      await store.deleteEventsForRoots(['root-0', 'root-1', 'root-2']);
      await store.appendEvents([buildEntry(buildContactEvent('new', 'r'))]);
      expect((await readWholeLog(store))[0]!.seq).toBeGreaterThan(highest);
    });

    test('concurrent appends keep seq order: each batch lands contiguous and in its own order', async () => {
      const store = await open();
      const batches = Array.from({ length: 40 }, (_, b) => buildBatch(`c${b}`, 10));
      await Promise.all(batches.map((batch) => store.appendEvents(batch)));

      const ids = eventIds(await readWholeLog(store, 37));
      expect(ids).toHaveLength(400);
      for (const batch of batches) {
        const start = ids.indexOf(batch[0]!.event.eventId);
        expect(ids.slice(start, start + 10)).toEqual(batch.map((e) => e.event.eventId));
      }
    });

    test('a reader paging while appends run sees every row exactly once', async () => {
      const store = await open();
      const writes = Promise.all(
        Array.from({ length: 30 }, (_, b) => store.appendEvents(buildBatch(`w${b}`, 5))),
      );
      let done = false;
      void writes.then(() => (done = true));
      const seen: string[] = [];
      let after = 0;
      for (;;) {
        const finished = done;
        const page = await store.readEventLog(after, 7);
        seen.push(...eventIds(page));
        after = page.at(-1)?.seq ?? after;
        if (finished && page.length === 0) break;
      }
      await writes;
      expect(seen).toHaveLength(150);
      expect(new Set(seen).size).toBe(150);
    });

    test('a corrupted row is reported with its seq and the good rows before it, never dropped', async () => {
      const store = await open();
      await store.appendEvents(buildBatch('k', 5));
      const rows = await readWholeLog(store);
      const [third, fourth] = [rows[2]!.seq, rows[3]!.seq];
      await target.exec(`UPDATE event_log SET event = '{"source":"contact",' WHERE seq = ${third}`);
      await target.exec(`UPDATE event_log SET event = '{"source":"fax"}' WHERE seq = ${fourth}`);

      const error: unknown = await store.readEventLog(0, 100).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorruptEventRowError);
      const corrupt = error as CorruptEventRowError;
      expect(corrupt.seq).toBe(third);
      expect(corrupt.rootId).toBe(rows[2]!.rootId);
      expect(corrupt.message).toMatch(new RegExp(`seq ${third} is corrupt: invalid JSON`));
      expect(eventIds(corrupt.precedingRows)).toEqual(['k-0', 'k-1']);
      await expect(store.readEventLog(third, 100)).rejects.toThrow(
        new RegExp(`seq ${fourth} is corrupt: source`),
      );
      expect(eventIds(await store.readEventLog(fourth, 100))).toEqual(['k-4']);
    });

    test('a row received at a time the engine cannot work with is corrupt, named with its conference', async () => {
      const store = await open();
      await store.appendEvents(buildBatch('r', 2));
      const rows = await readWholeLog(store);
      await target.exec(`UPDATE event_log SET received_at = -5 WHERE seq = ${rows[1]!.seq}`);
      const error: unknown = await store.readEventLog(0, 100).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorruptEventRowError);
      expect(error).toMatchObject({ seq: rows[1]!.seq, rootId: rows[1]!.rootId });
      expect((error as Error).message).toMatch(/received_at/);
    });
  });
}
