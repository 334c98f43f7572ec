import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PROPERTY_SEED as SEED } from '@/lib/conference/test-helpers/property-seed';
import { contactEvent } from '@/server/test-helpers/raw-builders';
import { parseBoundedJson } from './bounded-json';

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];
const hasForbiddenKey = (value: unknown): boolean =>
  value !== null &&
  typeof value === 'object' &&
  Object.entries(value).some(([key, inner]) => FORBIDDEN.includes(key) || hasForbiddenKey(inner));

describe('parseBoundedJson', () => {
  test('O5 parses what JSON.parse parses, to the same value, unless a key is a forbidden one', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const parsed = parseBoundedJson(text, { maxDepth: 8 });
        const reference: unknown = JSON.parse(text);
        if (hasForbiddenKey(reference)) expect(parsed.ok).toBe(false);
        else expect(parsed).toEqual({ ok: true, value: reference });
      }),
      { seed: SEED, numRuns: 300 },
    );
    const event = contactEvent('INITIATED', 0);
    expect(parseBoundedJson(JSON.stringify([event]))).toEqual({ ok: true, value: [event] });
  });

  test('O5 refuses nesting deeper than the limit before building it, at any size', () => {
    expect(parseBoundedJson(nested(64)).ok).toBe(true);
    expect(parseBoundedJson(nested(65))).toEqual({
      ok: false,
      reason: 'nested deeper than 64 levels (at character 64)',
    });
    // 10,000+ levels overflow a recursive walk; the scan never recurses.
    const deep = `{"detail":${nested(60_000, '{"a":', '}')}}`;
    expect(parseBoundedJson(deep)).toMatchObject({ ok: false, reason: expect.stringMatching(/deeper/) });
    expect(parseBoundedJson(nested(5), { maxDepth: 4 }).ok).toBe(false);
  });

  test('O5 brackets, quotes and escapes inside strings do not count as structure', () => {
    const text = JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[" then ]]', c: ['\\', '"\\"'] });
    expect(parseBoundedJson(text, { maxDepth: 2 })).toEqual({ ok: true, value: JSON.parse(text) });
  });

  test('O5 refuses a string longer than the limit, key or value', () => {
    expect(parseBoundedJson(JSON.stringify({ id: 'x'.repeat(100) }), { maxStringLength: 100 }).ok).toBe(true);
    expect(parseBoundedJson(JSON.stringify({ id: 'x'.repeat(101) }), { maxStringLength: 100 })).toEqual({
      ok: false,
      reason: 'a string at character 6 is longer than 100 characters',
    });
    expect(parseBoundedJson(JSON.stringify({ ['k'.repeat(101)]: 1 }), { maxStringLength: 100 }).ok).toBe(
      false,
    );
    expect(parseBoundedJson(JSON.stringify('y'.repeat(70_000))).ok).toBe(false);
  });

  test('O5 refuses __proto__, constructor and prototype keys, even spelled with escapes', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const result = parseBoundedJson(`[{"detail":{"${key}":{"contactId":"evil"}}}]`);
      expect(result).toEqual({ ok: false, reason: `the key "${key}" (at character 12) is not accepted` });
    }
    expect(parseBoundedJson('{"\\u005f_proto__": {}}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"__proto__"'),
    });
    expect(parseBoundedJson('{"c\\u006fnstructor" : 1}').ok).toBe(false);
    // As values, or as parts of longer keys, they are ordinary text.
    const benign = '{"note":"__proto__","constructorName":"prototype","contactId":"constructor"}';
    expect(parseBoundedJson(benign)).toEqual({ ok: true, value: JSON.parse(benign) });
  });

  test('O5 text that is not JSON is refused with the reason JSON.parse gives', () => {
    expect(parseBoundedJson('{"id": ')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^not JSON: /),
    });
    expect(parseBoundedJson('"unterminated').ok).toBe(false);
    expect(parseBoundedJson('').ok).toBe(false);
    expect(parseBoundedJson(']]]]').ok).toBe(false);
  });
});
