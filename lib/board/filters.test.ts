import { describe, expect, test } from 'vitest';
import {
  DEFAULT_FILTERS,
  describeHidden,
  filterConferences,
  widenFilters,
  type BoardFilters,
} from './filters';
import {
  canonicalizeFilters,
  isDefaultFilters,
  parseBoardFilters,
  resetFilters,
  toFilterQuery,
} from './filter-query';
import { deriveFilterOptions, memoizeFilterOptions } from './filter-options';
import { conference, party, QUEUE_ARN } from './test-helpers/builders';

const ids = (list: { id: string }[]) => list.map((c) => c.id);
const f = (o: Partial<BoardFilters>): BoardFilters => ({ ...DEFAULT_FILTERS, ...o });

const two = conference('two', 2, { queue: 'sales' });
const three = conference('three', 3, { queue: 'support', mode: 'three-party' });
const five = conference('five', 5, { queue: 'support', alerts: ['long-hold'] });
const six = conference('six', 6, { queue: 'mortgages', alerts: ['cap-reached'] });
const board = [two, three, five, six];

describe('board filters', () => {
  test('the default shows conferences of three or more parties', () => {
    expect(ids(filterConferences(board, DEFAULT_FILTERS))).toEqual(['three', 'five', 'six']);
    expect(ids(filterConferences(board, f({ size: 'all' })))).toEqual(['two', 'three', 'five', 'six']);
    expect(ids(filterConferences(board, f({ size: '5' })))).toEqual(['five']);
  });

  test('E4 an ended call keeps its place by its peak size, not its zero live parties', () => {
    const ended = conference('ended', 4, { ended: true });
    expect(ids(filterConferences([ended], DEFAULT_FILTERS))).toEqual(['ended']);
  });

  test('queue, mode and alert filters', () => {
    expect(ids(filterConferences(board, f({ queue: 'support' })))).toEqual(['three', 'five']);
    expect(ids(filterConferences(board, f({ mode: 'three-party' })))).toEqual(['three']);
    expect(ids(filterConferences(board, f({ alert: 'any' })))).toEqual(['five', 'six']);
    expect(ids(filterConferences(board, f({ alert: 'cap-reached' })))).toEqual(['six']);
  });

  test('the agent filter finds calls the agent is on now, not calls it has left', () => {
    const gone = conference('gone', 3, {}, [
      party('a:z', 'agent', { agentArn: 'arn:agent/z', name: 'Zoe', state: 'disconnected' }),
    ]);
    const on = conference('on', 3, {}, [party('a:z2', 'agent', { agentArn: 'arn:agent/z', name: 'Zoe' })]);
    expect(ids(filterConferences([gone, on], f({ agent: 'arn:agent/z' })))).toEqual(['on']);
  });

  test('search matches any leg contact id or an agent name, case-insensitively', () => {
    expect(ids(filterConferences(board, f({ size: 'all', q: 'FIV' })))).toEqual(['five']);
    expect(ids(filterConferences(board, f({ size: 'all', q: 'six-4' })))).toEqual(['six']);
    expect(ids(filterConferences(board, f({ size: 'all', q: 'agent three' })))).toEqual(['three']);
    expect(ids(filterConferences(board, f({ size: 'all', q: 'nobody' })))).toEqual([]);
    expect(ids(filterConferences(board, f({ size: 'all', q: ' five ' })))).toEqual(['five']);
    expect(ids(filterConferences(board, f({ size: 'all', q: '  ' })))).toHaveLength(4);
  });

  test('filters round-trip through the query string, defaults left out', () => {
    const chosen = f({
      queue: 'arn:q/1',
      agent: 'name:Zoe',
      size: 'all',
      alert: 'long-hold',
      mode: 'multi-party',
      q: 'abc',
      density: 'compact',
    });
    expect(parseBoardFilters(new URLSearchParams(toFilterQuery(chosen)))).toEqual(chosen);
    expect(toFilterQuery(DEFAULT_FILTERS)).toBe('');
    expect(toFilterQuery(f({ density: 'compact' }))).toBe('density=compact');
  });

  test('a queue goes in the URL by its name; an ARN from an older link still matches', () => {
    expect(toFilterQuery(f({ queue: 'support' }))).toBe('queue=support');
    const byArn = parseBoardFilters(
      new URLSearchParams(`queue=${encodeURIComponent(`${QUEUE_ARN}support`)}`),
    );
    expect(ids(filterConferences(board, byArn))).toEqual(['three', 'five']);
    // Once a call names the queue, the ARN is rewritten to the name (a short wallboard link).
    expect(canonicalizeFilters(byArn, board)).toEqual(f({ queue: 'support' }));
    const named = f({ queue: 'support' });
    expect(canonicalizeFilters(named, board)).toBe(named);
    const unknown = f({ queue: `${QUEUE_ARN}gone` });
    expect(canonicalizeFilters(unknown, board)).toBe(unknown);
  });

  test('density is no filter: it is kept by a reset and is no reason to offer one', () => {
    const compact = f({ density: 'compact' });
    expect(isDefaultFilters(compact)).toBe(true);
    expect(isDefaultFilters(f({ size: 'all' }))).toBe(false);
    expect(resetFilters(f({ density: 'compact', size: '6', q: 'x' }))).toEqual(compact);
    expect(filterConferences(board, compact)).toEqual(filterConferences(board, DEFAULT_FILTERS));
  });

  test('widening for hidden calls turns off just the filters that hide them', () => {
    const chosen = f({ queue: 'support', size: '5', density: 'compact' });
    expect(ids(filterConferences(board, chosen))).toEqual(['five']);
    // "three" is in the chosen queue, but has 3 parties: only the size filter goes.
    expect(widenFilters(chosen, [three])).toEqual(f({ queue: 'support', size: 'all', density: 'compact' }));
    // "two" is in another queue and has 2 parties: both go.
    expect(widenFilters(chosen, [two])).toEqual(f({ size: 'all', density: 'compact' }));
    expect(widenFilters(chosen, [five])).toEqual(chosen);
    expect(ids(filterConferences(board, widenFilters(DEFAULT_FILTERS, [two])))).toContain('two');
  });

  test('unknown values in the URL fall back to the defaults', () => {
    const parsed = parseBoardFilters(new URLSearchParams('size=9&alert=on-fire&mode=five-party'));
    expect(parsed).toEqual(DEFAULT_FILTERS);
  });

  test('the empty state can say what each filter hides', () => {
    const hidden = describeHidden(board, f({ size: '3-plus', mode: 'three-party' }));
    expect(hidden).toEqual([
      { key: 'size', label: 'Size: 3 or more', hidden: 1 },
      { key: 'mode', label: 'Mode: Three-party', hidden: 3 },
    ]);
  });

  test('options that did not change come back as they were, so the selects need no redraw', () => {
    const first = deriveFilterOptions(board, DEFAULT_FILTERS);
    expect(deriveFilterOptions([...board], DEFAULT_FILTERS, first)).toBe(first);
    const grown = deriveFilterOptions(
      [...board, conference('new', 3, { queue: 'claims' })],
      DEFAULT_FILTERS,
      first,
    );
    expect(grown).not.toBe(first);
    expect(grown.queues.map((o) => o.label)).toEqual(['claims', 'mortgages', 'sales', 'support']);
    expect(grown.agents).not.toBe(first.agents);
    const pick = memoizeFilterOptions();
    expect(pick([...board], DEFAULT_FILTERS)).toBe(pick(board, DEFAULT_FILTERS));
  });

  test('options list live queues and agents, and keep a chosen value no call has', () => {
    const options = deriveFilterOptions(board, f({ agent: 'arn:agent/gone' }));
    expect(options.queues.map((o) => o.label)).toEqual(['mortgages', 'sales', 'support']);
    expect(options.queues.map((o) => o.value)).toEqual(['mortgages', 'sales', 'support']);
    expect(options.agents.map((o) => o.label)).toContain('Agent five-4');
    expect(options.agents.find((o) => o.value === 'arn:agent/gone')?.label).toBe(
      'Agent gone (not on a call)',
    );
    const queues = (queue: string) => deriveFilterOptions(board, f({ queue })).queues;
    expect(queues('Closed').find((o) => o.value === 'Closed')?.label).toBe('Closed (no live call)');
    const arn = `${QUEUE_ARN}q-1234567890`;
    expect(queues(arn).find((o) => o.value === arn)?.label).toBe('Queue q-123456 (no live call)');
  });
});
