import { describe, expect, test } from 'vitest';
import {
  changeSelection,
  drillQuery,
  lastDays,
  parseReportSelection,
  reportQuery,
  toSelectionQuery,
  topQuery,
} from './report-selection';

const parse = (query: string) => parseReportSelection(new URLSearchParams(query));

describe('the /reports page selection in its URL', () => {
  test('reads every filter; drops values of the wrong form, keeps ones only the server can judge', () => {
    expect(
      parse(
        'from=2026-03-01&to=2026-03-30&tz=Europe/Berlin&queue=Billing&agent=Ada&mode=three-party&day=2026-03-02&size=4',
      ),
    ).toEqual({
      from: '2026-03-01',
      to: '2026-03-30',
      tz: 'Europe/Berlin',
      queue: 'Billing',
      agent: 'Ada',
      mode: 'three-party',
      day: '2026-03-02',
      size: 4,
    });
    expect(parse('from=March&mode=conference&size=2&day=&queue=%20')).toEqual({});
    // A reversed range or an unknown zone is the server's to refuse, naming the parameter.
    expect(parse('from=2026-03-30&to=2026-03-01&tz=Mars/Base')).toEqual({
      from: '2026-03-30',
      to: '2026-03-01',
      tz: 'Mars/Base',
    });
  });

  test('one spelling per selection, and the query each endpoint takes', () => {
    const selection = parse(
      'size=5&day=2026-03-02&mode=multi-party&queue=A%26B&tz=UTC&to=2026-03-30&from=2026-03-01',
    );
    expect(toSelectionQuery(selection)).toBe(
      'from=2026-03-01&to=2026-03-30&tz=UTC&queue=A%26B&mode=multi-party&day=2026-03-02&size=5',
    );
    expect(reportQuery(selection)).toBe('from=2026-03-01&to=2026-03-30&tz=UTC&queue=A%26B&mode=multi-party');
    expect(topQuery({}, 'agents', 10)).toBe('by=agents&limit=10');
    expect(topQuery({ tz: 'UTC' }, 'queues', 100)).toBe('tz=UTC&by=queues&limit=100');
    expect(drillQuery({ ...selection, day: '2026-03-02' }, 'abc')).toBe(
      'date=2026-03-02&tz=UTC&size=5&queue=A%26B&mode=multi-party&cursor=abc',
    );
  });

  test('a new range or filter closes the drill-down; a new day clears its size', () => {
    const open = { from: '2026-03-01', day: '2026-03-02', size: 4 as const };
    expect(changeSelection(open, { queue: 'Billing' })).toEqual({ from: '2026-03-01', queue: 'Billing' });
    expect(changeSelection(open, { from: '2026-03-01' })).toEqual(open);
    expect(changeSelection(open, { day: '2026-03-03' })).toEqual({ from: '2026-03-01', day: '2026-03-03' });
    expect(changeSelection(open, { size: 6 })).toEqual({ ...open, size: 6 });
    expect(changeSelection(open, { day: undefined })).toEqual({ from: '2026-03-01' });
    expect(changeSelection({ queue: 'Billing' }, { queue: '' })).toEqual({});
  });

  test('the last n days up to today', () => {
    expect(lastDays('2026-03-01', 7)).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(lastDays('2026-03-01', 1)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });
});
