import { describe, expect, test } from 'vitest';
import { parseReportParams, reportParamSchemas } from './report-params';

const context = { now: Date.parse('2026-11-24T23:30:00Z'), defaultTimeZone: 'UTC' };
const schemas = reportParamSchemas(context);

function refusal(schema: Parameters<typeof parseReportParams>[0], query: Record<string, string | string[]>) {
  const result = parseReportParams(schema, query);
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('report parameters', () => {
  test('defaults: the last 30 days up to today in the zone asked for, or REPORT_TIME_ZONE', () => {
    expect(parseReportParams(schemas.daily, {})).toEqual({
      ok: true,
      value: { from: '2026-10-26', to: '2026-11-24', tz: 'UTC' },
    });
    // 23:30 UTC is already the 25th in Berlin.
    const berlin = parseReportParams(schemas.daily, { tz: 'Europe/Berlin' });
    expect(berlin.ok && [berlin.value.from, berlin.value.to]).toEqual(['2026-10-27', '2026-11-25']);
    const filtered = parseReportParams(schemas.daily, {
      from: '2026-11-01',
      to: '2026-11-02',
      queue: 'Billing',
      agent: 'arn:agent/1',
      mode: 'three-party',
    });
    expect(filtered).toEqual({
      ok: true,
      value: {
        from: '2026-11-01',
        to: '2026-11-02',
        tz: 'UTC',
        queue: 'Billing',
        agent: 'arn:agent/1',
        mode: 'three-party',
      },
    });
  });

  test('each bad parameter is refused with a message naming it', () => {
    expect(refusal(schemas.daily, { from: '2026-13-01' }).issues).toEqual([
      { param: 'from', message: 'is not a real calendar date' },
    ]);
    expect(refusal(schemas.daily, { to: '24.11.2026' }).message).toBe('to must be a date, YYYY-MM-DD');
    expect(refusal(schemas.daily, { from: '2026-11-10', to: '2026-11-01' }).message).toBe(
      'from must not be after to (2026-11-01)',
    );
    expect(refusal(schemas.daily, { tz: 'Mars/Olympus' }).message).toMatch(/^tz is not a known time zone/);
    expect(refusal(schemas.daily, { from: '2025-01-01', to: '2026-11-01' }).message).toBe(
      'to the range may span at most 400 days',
    );
    expect(refusal(schemas.daily, { mode: 'four-party' }).message).toBe(
      'mode must be multi-party or three-party',
    );
    expect(refusal(schemas.top, { by: 'teams' }).message).toBe('by must be agents or queues');
    expect(refusal(schemas.top, {}).issues[0]!.param).toBe('by');
    expect(refusal(schemas.conferences, { date: '2026-11-01', size: '7' }).message).toBe(
      'size must be 3, 4, 5 or 6',
    );
    expect(refusal(schemas.conferences, {}).issues[0]!.param).toBe('date');
    expect(refusal(schemas.conferences, { date: '2026-11-01', limit: '0' }).message).toBe(
      'limit must be at least 1',
    );
    expect(refusal(schemas.conferences, { date: '2026-11-01', cursor: 'a b' }).issues[0]!.param).toBe(
      'cursor',
    );
    expect(refusal(schemas.daily, { colour: 'red' }).message).toBe(
      'colour is not a parameter of this report',
    );
    expect(refusal(schemas.daily, { queue: ['a', 'b'] }).message).toBe('queue is given more than once');
  });

  test('exactly 400 days pass; drill-down and top defaults', () => {
    expect(parseReportParams(schemas.heatmap, { from: '2025-10-21', to: '2026-11-24' }).ok).toBe(true);
    expect(parseReportParams(schemas.conferences, { date: '2026-11-01', size: '4' })).toEqual({
      ok: true,
      value: { date: '2026-11-01', size: 4, tz: 'UTC', limit: 50 },
    });
    const top = parseReportParams(schemas.top, { by: 'queues', from: '2026-11-01', to: '2026-11-01' });
    expect(top.ok && top.value).toEqual({
      by: 'queues',
      from: '2026-11-01',
      to: '2026-11-01',
      tz: 'UTC',
      limit: 10,
    });
    // The top lists and the drill-down take the daily report's filters too.
    const filtered = parseReportParams(schemas.top, { by: 'agents', queue: 'Billing', mode: 'three-party' });
    expect(filtered.ok && [filtered.value.queue, filtered.value.mode]).toEqual(['Billing', 'three-party']);
    const drill = parseReportParams(schemas.conferences, { date: '2026-11-01', agent: 'Ada', mode: 'x' });
    expect(drill.ok ? null : drill.message).toBe('mode must be multi-party or three-party');
  });
});
