import { describe, expect, test } from 'vitest';
import { groupConferences, sortConferences, URGENCY_GROUPS } from './sort';
import { conference } from './test-helpers/builders';

const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('default board order', () => {
  test('A2 A7 critical alerts first, then R1 calls at the cap, then the longest running', () => {
    const oldQuiet = conference('old', 3, { startedAt: 0 });
    const newQuiet = conference('new', 3, { startedAt: 100 });
    const atCap = conference('cap', 6, { startedAt: 200, alerts: ['cap-reached'] });
    const critical = conference('cl', 4, {
      startedAt: 300,
      contactLens: true,
      alerts: ['contact-lens-conflict'],
    });
    expect(ids(sortConferences([newQuiet, atCap, oldQuiet, critical]))).toEqual(['cl', 'cap', 'old', 'new']);
  });

  test('R1 a three-party call with three parties is at its cap', () => {
    const three = conference('three', 3, { mode: 'three-party', startedAt: 50 });
    const multi = conference('multi', 3, { startedAt: 0 });
    expect(ids(sortConferences([multi, three]))).toEqual(['three', 'multi']);
  });

  test('E4 ended calls in their grace time go last', () => {
    const ended = conference('ended', 3, { startedAt: 0, ended: true });
    const live = conference('live', 2, { startedAt: 500 });
    expect(ids(sortConferences([ended, live]))).toEqual(['live', 'ended']);
  });

  test('the groups, read in order, are the default order', () => {
    const list = [
      conference('e', 3, { startedAt: 0, ended: true }),
      conference('q2', 3, { startedAt: 90 }),
      conference('cap', 6, { startedAt: 200 }),
      conference('cl', 4, { startedAt: 300, alerts: ['contact-lens-conflict'] }),
      conference('q1', 3, { startedAt: 10 }),
    ];
    const groups = groupConferences(list);
    expect(ids(groups.critical)).toEqual(['cl']);
    expect(ids(groups['at-cap'])).toEqual(['cap']);
    expect(ids(groups.other)).toEqual(['q1', 'q2']);
    expect(URGENCY_GROUPS.flatMap((g) => ids(groups[g]))).toEqual(ids(sortConferences(list)));
  });

  test('a warning alert alone does not lift a call above others', () => {
    const warned = conference('warned', 3, { startedAt: 100, alerts: ['long-hold'] });
    const older = conference('older', 3, { startedAt: 0 });
    expect(ids(sortConferences([warned, older]))).toEqual(['older', 'warned']);
  });
});
