import { describe, expect, test } from 'vitest';
import { MAX_EPOCH_MS } from '@/lib/conference';
import { createNormalizeContext, findImplausibleTime } from './normalize-context';
import { FlexibleTimestampSchema, IsoTimestampSchema, parseSourceClock } from './timestamps';

const read = (value: unknown) => {
  const parsed = FlexibleTimestampSchema.safeParse(value);
  return parsed.success ? parsed.data : parsed.error.issues[0]!.message;
};

describe('source timestamps', () => {
  test('O2 ISO-8601 with a zone becomes epoch milliseconds', () => {
    expect(read('2026-11-23T10:00:00Z')).toBe(Date.UTC(2026, 10, 23, 10));
    expect(read('2026-11-23T10:00:00.123Z')).toBe(Date.UTC(2026, 10, 23, 10, 0, 0, 123));
    expect(read('2026-11-23T11:00:00+01:00')).toBe(Date.UTC(2026, 10, 23, 10));
    expect(read('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
    expect(read(Date.UTC(2026, 10, 23))).toBe(Date.UTC(2026, 10, 23));
  });

  test('O5 only real calendar dates and times pass: no 30 February, hour 24, month 13 or second 60', () => {
    for (const value of [
      '2026-02-30T10:00:00Z',
      '2026-02-29T10:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-11-23T24:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-00-10T10:00:00Z',
      '2026-11-23T10:60:00Z',
      '2026-11-23T10:00:60Z',
    ])
      expect(read(value), value).toMatch(/^not an ISO-8601 time with a real date and a zone/);
  });

  test('O5 a time without an explicit zone, or in another shape, is refused rather than guessed', () => {
    for (const value of [
      '2026-11-23T10:00:00',
      '2026-11-23 10:00:00Z',
      '2026-11-23',
      '23/11/2026 10:00',
      'last tuesday',
      '2026-11-23T10:00:00+2500',
      '',
    ])
      expect(read(value), value).toMatch(/^not an ISO-8601 time/);
    expect(read('2026-11-23T10:00:00Z'.padEnd(80, '0'))).toMatch(/^not an ISO-8601 time/);
  });

  test('O5 times Date or the engine cannot hold are refused: before 1970, past year 9999, six-digit years', () => {
    expect(read('1969-12-31T23:59:59Z')).toBe('before 1970: "1969-12-31T23:59:59Z"');
    expect(read('+275760-09-13T00:00:00.000Z')).toMatch(/^not an ISO-8601 time/);
    expect(read('9999-12-31T23:59:59.999Z')).toBe(MAX_EPOCH_MS);
    for (const value of [8_640_000_000_000_001, 8.64e15, MAX_EPOCH_MS + 1, -1, 1.5, Number.MAX_VALUE])
      expect(read(value), String(value)).toMatch(/^not epoch milliseconds/);
  });

  test('O5 a missing or mistyped time says so', () => {
    expect(read(undefined)).toBe('required');
    expect(read({})).toBe('expected an ISO-8601 time string or epoch milliseconds');
    expect(IsoTimestampSchema.safeParse(1).error?.issues[0]?.message).toBe(
      'expected an ISO-8601 time string',
    );
  });

  test('a replay clock header is checked for form and range only', () => {
    expect(parseSourceClock('2026-01-01T00:00:00Z')).toEqual({ ok: true, ms: Date.UTC(2026, 0, 1) });
    expect(parseSourceClock('+275760-09-13T00:00:00.000Z')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^x-confwatch-source-clock: not an ISO-8601 time/),
    });
    expect(parseSourceClock('1960-01-01T00:00:00Z').ok).toBe(false);
  });
});

describe('the plausibility window', () => {
  const now = Date.UTC(2026, 10, 23, 10);
  const ctx = createNormalizeContext(now);

  test('O5 a source time more than the window away from the sidecar clock is named, either side', () => {
    expect(
      findImplausibleTime(ctx, [
        ['a', now - 86_400_000],
        ['b', now + 86_400_000],
        ['c', null],
      ]),
    ).toBe(undefined);
    expect(
      findImplausibleTime(ctx, [
        ['ok', now],
        ['late', now + 86_400_001],
      ]),
    ).toBe(
      'late: 2026-11-24T10:00:00.001Z is more than 24 h after the sidecar clock (2026-11-23T10:00:00.000Z)',
    );
    expect(findImplausibleTime(ctx, [['EventTimestamp', 0]])).toMatch(
      /^EventTimestamp: 1970-01-01T.* before/,
    );
  });

  test('the window is a parameter of the context', () => {
    const narrow = createNormalizeContext(now, 60_000);
    expect(findImplausibleTime(narrow, [['t', now + 61_000]])).toMatch(/more than 60 s after/);
    expect(findImplausibleTime(createNormalizeContext(now, 3.6e6 * 87_600), [['t', 0]])).toMatch(/before/);
  });
});
