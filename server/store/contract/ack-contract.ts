import { describe, expect, test } from 'vitest';
import { StoreInputError } from '../errors';
import { BUILDER_EPOCH as T0 } from '../test-fixtures/event-builders';
import { buildAck } from '../test-fixtures/history-builders';
import type { ContractContext } from './context';

export function registerAckContract({ open }: ContractContext): void {
  describe('alert acknowledgements', () => {
    test('saveAck upserts: acknowledging the same raising again replaces who and when', async () => {
      const store = await open();
      await store.saveAck(buildAck('conf-1', 'cap-reached', T0, 'sup-1'));
      const again = {
        ...buildAck('conf-1', 'cap-reached', T0, 'sup-2'),
        at: new Date(T0 + 90_000).toISOString(),
      };
      await store.saveAck(again);
      expect(await store.listAcks()).toEqual([again]);
    });

    test('listAcks lists all or only the given conferences, by conference, raising and kind', async () => {
      const store = await open();
      const acks = [
        buildAck('conf-b', 'long-hold', T0 + 5_000),
        buildAck('conf-a', 'no-agent', T0 + 1_000),
        buildAck('conf-a', 'cap-reached', T0 + 1_000),
        buildAck('conf-a', 'long-hold', T0),
        buildAck('conf-c', 'caller-dropped', T0),
      ];
      for (const ack of acks) await store.saveAck(ack);
      const [b, aNoAgent, aCap, aHold, c] = acks;
      expect(await store.listAcks()).toEqual([aHold, aCap, aNoAgent, b, c]);
      expect(await store.listAcks(['conf-c', 'conf-a', 'conf-missing'])).toEqual([aHold, aCap, aNoAgent, c]);
      expect(await store.listAcks([])).toEqual([]);
    });

    test('a raising spelled with an offset or without milliseconds is the same raising', async () => {
      const store = await open();
      await store.saveAck({
        conferenceId: 'conf-1',
        kind: 'long-hold',
        raisedAt: '2026-11-23T10:00:00+01:00',
        by: 's1',
        at: '2026-11-23T09:01:00Z',
      });
      await store.saveAck({
        conferenceId: 'conf-1',
        kind: 'long-hold',
        raisedAt: '2026-11-23T09:00:00.000Z',
        by: 's2',
        at: '2026-11-23T09:02:00Z',
      });
      expect(await store.listAcks(['conf-1'])).toEqual([
        {
          conferenceId: 'conf-1',
          kind: 'long-hold',
          raisedAt: '2026-11-23T09:00:00.000Z',
          by: 's2',
          at: '2026-11-23T09:02:00.000Z',
        },
      ]);
    });

    test('saveAck rejects an unknown kind, a bad time or a missing supervisor, and writes nothing', async () => {
      const store = await open();
      const ack = buildAck('conf-1');
      await expect(store.saveAck({ ...ack, kind: 'on-fire' as never })).rejects.toThrow(/saveAck: kind/);
      await expect(store.saveAck({ ...ack, raisedAt: 'yesterday' })).rejects.toThrow(/saveAck: raisedAt/);
      await expect(store.saveAck({ ...ack, raisedAt: '2026-02-30T10:00:00Z' })).rejects.toThrow(
        /saveAck: raisedAt/,
      );
      await expect(store.saveAck({ ...ack, by: '' })).rejects.toThrow(StoreInputError);
      expect(await store.listAcks()).toEqual([]);
    });
  });
}
