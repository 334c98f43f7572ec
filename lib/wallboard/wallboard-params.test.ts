import { describe, expect, test } from 'vitest';
import { parseWallboardParams } from './wallboard-params';

const parse = (query: string) => parseWallboardParams(new URLSearchParams(query));

describe('a wallboard screen from its URL', () => {
  test('defaults: every view, rotation every 20 s, pages every 10 s, initials, the system theme', () => {
    const s = parse('');
    expect(s).toMatchObject({
      views: ['kpis', 'grid', 'hourly'],
      rotateSeconds: 20,
      pageSeconds: 10,
      calls: { queues: [], agent: null, mode: null },
      theme: null,
      privacy: 'initials',
      thresholds: {},
      ignored: [],
    });
    expect(s.grid).toMatchObject({ size: '3-plus', density: 'compact', queue: null });
  });

  test('everything a bookmark can say', () => {
    const s = parse(
      'views=grid,kpis&rotate=30&page=6&queue=Claims&queue=Support&mode=multi-party&size=all&alert=any' +
        '&theme=dark&privacy=first-name&warn.at-cap=2&crit.longest-hold=120',
    );
    expect(s).toMatchObject({
      views: ['grid', 'kpis'],
      rotateSeconds: 30,
      pageSeconds: 6,
      calls: { queues: ['Claims', 'Support'], mode: 'multi-party' },
      theme: 'dark',
      privacy: 'first-name',
      thresholds: {
        'at-cap': { warning: { direction: 'above', value: 2 } },
        'longest-hold': { critical: { direction: 'above', value: 120 } },
      },
      ignored: [],
    });
    expect(s.grid).toMatchObject({ size: 'all', alert: 'any', queue: null, mode: null });
  });

  test('rotate=0 (or off) keeps the first view', () => {
    expect(parse('rotate=0').rotateSeconds).toBe(0);
    expect(parse('rotate=off').rotateSeconds).toBe(0);
  });

  test('what cannot be used falls back and is named', () => {
    const s = parse('views=kpis,charts&rotate=2&page=abc&theme=pink&privacy=none&warn.nope=1');
    expect(s.views).toEqual(['kpis']);
    expect(s.rotateSeconds).toBe(20);
    expect(s.pageSeconds).toBe(10);
    expect(s.theme).toBeNull();
    expect(s.privacy).toBe('initials');
    expect(s.ignored).toEqual([
      'views=charts',
      'rotate=2',
      'page=abc',
      'theme=pink',
      'privacy=none',
      'warn.nope=1',
    ]);
  });
});
