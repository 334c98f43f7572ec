import { describe, expect, test } from 'vitest';
import { alertKey } from '@/lib/realtime';
import { buildAlertRows, conferenceTitle, newlyRaisedCritical } from './alert-rows';
import { ack, at, conference } from './test-helpers/builders';

describe('alerts panel rows', () => {
  test('A2 A7 critical first, then warnings, then info; oldest first within a severity', () => {
    const a = conference('a', 6, { alerts: ['cap-reached'] });
    const b = conference('b', 4, { alerts: ['caller-dropped', 'contact-lens-conflict'] });
    const c = conference('c', 3, { alerts: ['long-hold'] });
    c.alerts[0]!.since = at(5);
    const rows = buildAlertRows([a, b, c], {});
    expect(rows.map((r) => `${r.conferenceId}:${r.kind}`)).toEqual([
      'b:contact-lens-conflict',
      'c:long-hold',
      'a:cap-reached',
      'b:caller-dropped',
    ]);
  });

  test('A1–A7 each row names its rule, its words and its call', () => {
    const [row] = buildAlertRows([conference('a', 6, { alerts: ['cap-reached'] })], {});
    expect(row).toMatchObject({
      rule: 'A1',
      label: 'At cap',
      severity: 'warning',
      conferenceLabel: '+49 301 234 56 · support',
    });
  });

  test('acknowledgements are matched to the raising they acknowledge', () => {
    const c = conference('a', 6, { alerts: ['cap-reached'] });
    const since = c.alerts[0]!.since;
    const acks = { [alertKey('a', 'cap-reached', since)]: ack('a', 'cap-reached', since, 'Maria') };
    expect(buildAlertRows([c], acks)[0]?.ack?.by).toBe('Maria');
    const older = { [alertKey('a', 'cap-reached', at(1))]: ack('a', 'cap-reached', at(1)) };
    expect(buildAlertRows([c], older)[0]?.ack).toBeNull();
  });

  test('with a cache, rows of an unchanged conference keep their identity until an ack changes', () => {
    const a = conference('a', 6, { alerts: ['cap-reached'] });
    const cache = new WeakMap();
    const [first] = buildAlertRows([a], {}, cache);
    expect(buildAlertRows([a], {}, cache)[0]).toBe(first);
    const acks = { [first!.key]: ack('a', 'cap-reached', first!.since) };
    const [acked] = buildAlertRows([a], acks, cache);
    expect(acked).not.toBe(first);
    expect(acked?.ack?.by).toBe('Maria');
    expect(buildAlertRows([{ ...a }], acks, cache)[0]).not.toBe(acked);
  });

  test('A2 only newly raised critical alerts are announced', () => {
    const rows = buildAlertRows(
      [conference('b', 4, { alerts: ['contact-lens-conflict', 'cap-reached'] })],
      {},
    );
    expect(newlyRaisedCritical(rows, new Set()).map((r) => r.kind)).toEqual(['contact-lens-conflict']);
    expect(newlyRaisedCritical(rows, new Set(rows.map((r) => r.key)))).toEqual([]);
  });

  test('a call is named by its customer and queue', () => {
    expect(conferenceTitle(conference('x', 2, { queue: null }))).toBe('+49 301 234 56 · No queue');
  });
});
