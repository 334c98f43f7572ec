import { describe, expect, test } from 'vitest';
import { summarizeBoard } from '@/lib/board/summary';
import { at, conference, party, T0 } from '@/lib/board/test-helpers/builders';
import { computeKpis, filterCalls } from './kpis';
import { KPI_NAMES } from './thresholds';
import type { WallboardToday } from './today-schema';

const board = () => {
  const held = conference('held', 3, { queue: 'Claims' });
  held.participants[0] = party('c:held', 'customer', { state: 'hold', holdSince: at(-245) });
  return [
    conference('two', 2, { queue: 'Sales' }),
    held,
    conference('four', 4, { queue: 'Claims', contactLens: true, alerts: ['contact-lens-conflict'] }),
    conference('six', 6, { queue: 'Mortgages', alerts: ['cap-reached'] }),
    conference('gone', 5, { queue: 'Claims', ended: true }),
  ];
};

const today: WallboardToday = {
  timeZone: 'UTC',
  asOf: at(0),
  today: { date: '2026-11-23', soFar: 37, perHour: new Array(24).fill(0) },
  yesterday: { date: '2026-11-22', sameTime: 29, total: 80, perHour: new Array(24).fill(0) },
};

describe('wallboard figures', () => {
  test('E4 R1 A1 A2 A3 every figure, by name, in the order the screen shows them', () => {
    const kpis = computeKpis(board(), today, T0);
    expect(kpis.map((k) => k.name).sort()).toEqual([...KPI_NAMES].sort());
    const text = Object.fromEntries(kpis.map((k) => [k.name, k.text]));
    expect(text).toEqual({
      'live-conferences': '4',
      parties: String(2 + 3 + 4 + 6),
      'size-3': '1',
      'size-4': '1',
      'size-5': '0',
      'size-6': '1',
      'at-cap': '1',
      'contact-lens-conflicts': '1',
      'longest-hold': '4:05',
      'today-vs-yesterday': '37 vs 29',
    });
    expect(kpis.find((k) => k.name === 'longest-hold')!.value).toBe(245);
    expect(kpis.find((k) => k.name === 'today-vs-yesterday')!.value).toBe(37);
  });

  test('the live figures are the board summary strip’s, whatever the board holds', () => {
    const list = board();
    const s = summarizeBoard(list);
    const value = Object.fromEntries(computeKpis(list, undefined, T0).map((k) => [k.name, k.value]));
    expect([
      value['live-conferences'],
      value.parties,
      value['at-cap'],
      value['contact-lens-conflicts'],
    ]).toEqual([s.live, s.parties, s.atCap, s.clConflicts]);
  });

  test('no one on hold, no history yet: said so, judged as normal (value null)', () => {
    const kpis = computeKpis([conference('a', 3)], undefined, T0);
    expect(kpis.find((k) => k.name === 'longest-hold')).toMatchObject({ value: null, text: 'none' });
    expect(kpis.find((k) => k.name === 'today-vs-yesterday')).toMatchObject({ value: null, text: '…' });
  });

  test('a screen for some queues counts only their calls (by name or ARN), and its mode and agent', () => {
    const list = board();
    expect(filterCalls(list, { queues: ['Claims'], agent: null, mode: null }).map((c) => c.id)).toEqual([
      'held',
      'four',
      'gone',
    ]);
    const arn = list[3]!.queue!.arn;
    expect(filterCalls(list, { queues: ['Sales', arn], agent: null, mode: null }).map((c) => c.id)).toEqual([
      'two',
      'six',
    ]);
    expect(
      filterCalls(list, { queues: [], agent: list[2]!.participants[1]!.agentArn, mode: null }),
    ).toHaveLength(1);
    expect(filterCalls(list, { queues: [], agent: null, mode: 'three-party' })).toHaveLength(0);
  });
});
