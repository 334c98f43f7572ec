import { describe, expect, test } from 'vitest';
import { describeBound, judge, parseBound, parseThresholds } from './thresholds';

const params = (query: string) => new URLSearchParams(query).entries();

describe('thresholds from the URL', () => {
  test('warn and crit per figure, at or above by default, below with "below:"', () => {
    const { thresholds, ignored } = parseThresholds(
      params('warn.at-cap=2&crit.at-cap=4&warn.live-conferences=below:3&crit.longest-hold=90.5&views=kpis'),
    );
    expect(ignored).toEqual([]);
    expect(thresholds).toEqual({
      'at-cap': { warning: { direction: 'above', value: 2 }, critical: { direction: 'above', value: 4 } },
      'live-conferences': { warning: { direction: 'below', value: 3 } },
      'longest-hold': { critical: { direction: 'above', value: 90.5 } },
    });
  });

  test('an unknown figure or a value that is no bound is named as ignored', () => {
    const { thresholds, ignored } = parseThresholds(
      params('warn.queue-length=3&crit.at-cap=lots&warn.parties=-1&crit.size-3=below:'),
    );
    expect(thresholds).toEqual({});
    expect(ignored).toEqual([
      'warn.queue-length=3',
      'crit.at-cap=lots',
      'warn.parties=-1',
      'crit.size-3=below:',
    ]);
  });

  test('parseBound', () => {
    expect(parseBound(' 12 ')).toEqual({ direction: 'above', value: 12 });
    expect(parseBound('below:0.5')).toEqual({ direction: 'below', value: 0.5 });
    expect(parseBound('1e3')).toBeNull();
  });
});

describe('judge', () => {
  const atCap = {
    warning: { direction: 'above', value: 2 },
    critical: { direction: 'above', value: 4 },
  } as const;
  const low = {
    warning: { direction: 'below', value: 5 },
    critical: { direction: 'below', value: 2 },
  } as const;

  test('critical wins over warning; the bound itself crosses when above, not when below', () => {
    expect(judge(1, atCap)).toBe('normal');
    expect(judge(2, atCap)).toBe('warning');
    expect(judge(4, atCap)).toBe('critical');
    expect(judge(5, low)).toBe('normal');
    expect(judge(4, low)).toBe('warning');
    expect(judge(1, low)).toBe('critical');
  });

  test('no thresholds, or no figure yet: normal', () => {
    expect(judge(100, undefined)).toBe('normal');
    expect(judge(null, atCap)).toBe('normal');
  });

  test('describeBound', () => {
    expect(describeBound(atCap.warning)).toBe('≥ 2');
    expect(describeBound(low.critical, (v) => `${v} s`)).toBe('< 2 s');
  });
});
