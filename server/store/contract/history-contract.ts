import { describe, expect, test } from 'vitest';
import type { ConferenceView } from '@/lib/conference';
import { CorruptRowError, StoreInputError } from '../errors';
import { BUILDER_EPOCH as T0 } from '../test-fixtures/event-builders';
import { buildView } from '../test-fixtures/history-builders';
import { buildEngineView } from '../test-fixtures/engine-view';
import type { ContractContext } from './context';

const MIN = 60_000;
const ids = (views: readonly ConferenceView[]) => views.map((v) => v.id);

export function registerHistoryContract({ open, target }: ContractContext): void {
  describe('history', () => {
    test('E4 keeps the final view exactly, one row per conference, a later write replacing it', async () => {
      const store = await open();
      const first = buildView('conf-1', { agentName: 'Ada' });
      await store.writeHistory([first], T0);
      expect(await store.getHistory('conf-1')).toEqual(first);

      const later = buildView('conf-1', { agentName: 'Grace', endedAt: T0 + 20 * MIN });
      await store.writeHistory([later], T0 + MIN);
      expect(await store.getHistory('conf-1')).toEqual(later);
      expect(await store.getHistory('conf-unknown')).toBeNull();

      await store.writeHistory(
        [buildView('conf-2', { agentName: 'x' }), buildView('conf-2', { agentName: 'y' })],
        T0,
      );
      expect((await store.getHistory('conf-2'))?.participants[1]?.name).toBe('y');
      expect(Number((await target.exec('SELECT COUNT(*) AS n FROM history'))[0]!.n)).toBe(2);
    });

    test('E4 a conference folded by the engine round-trips, Contact Lens counted on any leg', async () => {
      const store = await open();
      const view = buildEngineView();
      await store.writeHistory([view], T0);
      expect(await store.getHistory(view.id)).toEqual(view);
      const [row] = await target.exec(`SELECT contact_lens, alert_kinds, peak_participants FROM history`);
      expect(Boolean(row!.contact_lens)).toBe(true);
      expect(String(row!.alert_kinds).split(',')).toContain('contact-lens-conflict');
      expect(row!.peak_participants).toBe(view.peakParticipants);
    });

    test('E4 fills the indexed columns from the view', async () => {
      const store = await open();
      const view = buildView('conf-cols', {
        startedAt: T0,
        endedAt: T0 + 9 * MIN,
        mode: 'three-party',
        queueArn: 'arn:queue/sales',
        peak: 3,
        alertKinds: ['long-hold', 'cap-reached', 'long-hold'],
        childLegContactLens: true,
      });
      await store.writeHistory([view, buildView('conf-plain', { queueArn: null })], T0 + 10 * MIN);
      const rows = await target.exec(
        'SELECT id, started_at, ended_at, archived_at, mode, queue_arn, queue_name, peak_participants, contact_lens, end_reason, alert_kinds FROM history ORDER BY id',
      );
      const normalized = rows.map((r) => ({
        ...r,
        started_at: Number(r.started_at),
        ended_at: Number(r.ended_at),
        archived_at: Number(r.archived_at),
        contact_lens: Boolean(r.contact_lens),
      }));
      expect(normalized[0]).toEqual({
        id: 'conf-cols',
        started_at: T0,
        ended_at: T0 + 9 * MIN,
        archived_at: T0 + 10 * MIN,
        mode: 'three-party',
        queue_arn: 'arn:queue/sales',
        queue_name: 'Support',
        peak_participants: 3,
        contact_lens: true,
        end_reason: 'completed',
        alert_kinds: 'cap-reached,long-hold',
      });
      expect(normalized[1]).toMatchObject({
        id: 'conf-plain',
        queue_arn: null,
        queue_name: null,
        contact_lens: false,
        alert_kinds: '',
      });
    });

    test('listHistory returns newest ended first, from endedFrom on, at most limit', async () => {
      const store = await open();
      await store.writeHistory(
        [
          buildView('a', { endedAt: T0 + 1 * MIN, queueArn: 'q1', mode: 'multi-party', peak: 2 }),
          buildView('b', { endedAt: T0 + 2 * MIN, queueArn: 'q2', mode: 'three-party', peak: 3 }),
          buildView('c', { endedAt: T0 + 3 * MIN, queueArn: 'q1', mode: 'multi-party', peak: 6 }),
          buildView('d', { endedAt: T0 + 4 * MIN, queueArn: 'q1', mode: 'three-party', peak: 3 }),
          buildView('e', { endedAt: T0 + 5 * MIN, queueArn: null, mode: 'multi-party', peak: 4 }),
        ],
        T0,
      );
      expect(ids(await store.listHistory({}))).toEqual(['e', 'd', 'c', 'b', 'a']);
      expect(ids(await store.listHistory({ endedFrom: T0 + 2 * MIN }))).toEqual(['e', 'd', 'c', 'b']);
      expect(ids(await store.listHistory({ limit: 2 }))).toEqual(['e', 'd']);
      expect(ids(await store.listHistory({ endedFrom: T0 + 5 * MIN, limit: 1 }))).toEqual(['e']);
      expect(await store.listHistory({ endedFrom: T0 + 5 * MIN + 1 })).toEqual([]);
    });

    test('conferences that end at the same moment are listed by id, newest id first', async () => {
      const store = await open();
      const endings = [1, 2, 2, 2, 3];
      const views = endings.map((m, i) => buildView(`p${i}`, { endedAt: T0 + m * MIN }));
      await store.writeHistory(views, T0);
      expect(ids(await store.listHistory({ limit: 1000 }))).toEqual(['p4', 'p3', 'p2', 'p1', 'p0']);
      expect(ids(await store.listHistory({ limit: 2 }))).toEqual(['p4', 'p3']);
    });

    test('listHistory rejects a limit above 1000 or an unknown filter', async () => {
      const store = await open();
      await expect(store.listHistory({ limit: 1001 })).rejects.toThrow(/listHistory: limit/);
      await expect(store.listHistory({ limit: 0 })).rejects.toThrow(StoreInputError);
      await expect(store.listHistory({ queue: 'q1' } as never)).rejects.toThrow(/listHistory/);
    });

    test('listArchivedIdsSince lists ids archived strictly after the time, oldest first', async () => {
      const store = await open();
      await store.writeHistory([buildView('x'), buildView('y')], 1_000);
      await store.writeHistory([buildView('z')], 2_000);
      expect(await store.listArchivedIdsSince(0)).toEqual(['x', 'y', 'z']);
      expect(await store.listArchivedIdsSince(1_000)).toEqual(['z']);
      await store.writeHistory([buildView('x')], 3_000);
      expect(await store.listArchivedIdsSince(1_000)).toEqual(['z', 'x']);
    });

    test('E4 an invalid or unended record rejects the whole call and writes nothing', async () => {
      const store = await open();
      const broken = { ...buildView('bad'), peakParticipants: -1 };
      await expect(store.writeHistory([buildView('good'), broken], T0)).rejects.toThrow(
        /writeHistory: 1\.peakParticipants/,
      );
      await expect(store.writeHistory([buildView('live', { endedAt: null })], T0)).rejects.toThrow(
        /live has not ended/,
      );
      await expect(store.writeHistory([buildView('good')], -5)).rejects.toThrow(/archivedAt/);
      expect(await store.listHistory({})).toEqual([]);
    });

    test('a corrupted history record is reported with its id', async () => {
      const store = await open();
      await store.writeHistory([buildView('fine'), buildView('mangled')], T0);
      await target.exec(`UPDATE history SET record = '{"id":"mangled"}' WHERE id = 'mangled'`);
      await expect(store.getHistory('mangled')).rejects.toThrow(CorruptRowError);
      await expect(store.getHistory('mangled')).rejects.toThrow(/history row mangled is corrupt: mode/);
      await expect(store.listHistory({})).rejects.toThrow(/history row mangled/);
      await target.exec(`UPDATE history SET record = 'not json' WHERE id = 'fine'`);
      await expect(store.getHistory('fine')).rejects.toThrow(/history row fine is corrupt: invalid JSON/);
    });
  });
}
