import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DailyReportSchema,
  ReportConferencePageSchema,
  TopReportSchema,
} from '@/lib/reports/report-responses';
import { addDays, localDateOf } from '@/lib/reports/zone-time';
import { agentArnOf, BILLING, buildReportCall, SUPPORT } from '@/server/store/test-fixtures/report-builders';
import { ADMIN, startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

/**
 * Three calls around midnight in Berlin (REPORT_TIME_ZONE here): s1 and s2 (Support, Ada) on
 * Saturday 28 March 2026 in Berlin and in UTC; b1 (Billing, Bob, four parties) on Sunday in
 * Berlin but still Saturday in UTC.
 */
const CALLS = [
  buildReportCall('s1', { start: '2026-03-28T09:00:00Z', minutes: 5, agent: 'Ada', queue: SUPPORT }),
  buildReportCall('s2', {
    start: '2026-03-28T22:50:00Z',
    minutes: 20,
    agent: 'Ada',
    queue: SUPPORT,
    extras: 1,
    extraMinutes: 10,
  }),
  buildReportCall('b1', {
    start: '2026-03-28T23:30:00Z',
    agent: 'Bob',
    queue: BILLING,
    extras: 2,
    externals: 1,
    extraMinutes: 6,
    holdSeconds: 30,
    conflictSeconds: 120,
  }),
];

let sidecar: TestSidecar;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  sidecar = await startTestSidecar({ REPORT_TIME_ZONE: 'Europe/Berlin' });
  await sidecar.store.writeHistory(CALLS, Date.now());
  for (const role of ['manager', 'supervisor', 'wallboard'] as const)
    tokens[role] = await sidecar.token(role);
  tokens.billing = await sidecar.token('manager', { queues: ['Billing'] });
});
afterAll(() => sidecar.stop());

/** A GET with its status, content type, disposition and body (parsed when it is JSON). */
async function get(path: string, token: string | null = ADMIN) {
  const response = await fetch(`${sidecar.url}${path}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    disposition: response.headers.get('content-disposition'),
    text,
    body: type.startsWith('application/json') ? (JSON.parse(text) as any) : null,
  };
}

const RANGE = 'from=2026-03-28&to=2026-03-29';

describe('GET /api/reports/*: parameters', () => {
  test.each([
    ['/api/reports/daily?from=2026-02-30&to=2026-03-01', 'from', /from is not a real calendar date/],
    ['/api/reports/daily?from=28.03.2026', 'from', /from must be a date, YYYY-MM-DD/],
    ['/api/reports/daily?from=2026-03-29&to=2026-03-28', 'from', /from must not be after to \(2026-03-28\)/],
    ['/api/reports/daily.csv?from=2026-03-29&to=2026-03-28', 'from', /from must not be after to/],
    ['/api/reports/daily?tz=Mars/Olympus_Mons', 'tz', /tz is not a known time zone/],
    ['/api/reports/heatmap?tz=Berlin', 'tz', /tz is not a known time zone/],
    ['/api/reports/daily?from=2025-01-01&to=2026-03-01', 'to', /to the range may span at most 400 days/],
    ['/api/reports/top?by=teams', 'by', /by must be agents or queues/],
    ['/api/reports/top', 'by', /by /],
    ['/api/reports/daily?mode=conference', 'mode', /mode must be multi-party or three-party/],
    ['/api/reports/daily?colour=red', 'colour', /colour is not a parameter of this report/],
    ['/api/reports/daily?queue=a&queue=b', 'queue', /queue is given more than once/],
    ['/api/reports/conferences', 'date', /date /],
    ['/api/reports/conferences?date=2026-03-28&size=2', 'size', /size must be 3, 4, 5 or 6/],
    ['/api/reports/conferences?date=2026-03-28&cursor=bm9wZQ', 'cursor', /cursor is not a cursor/],
  ])('%s answers 400 naming %s', async (path, param, message) => {
    const answer = await get(path);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(message);
    expect(answer.body.error).toMatch(/^bad query: /);
    expect(answer.body.issues.map((i: { param: string }) => i.param)).toContain(param);
  });

  test('without a range: the last 30 days up to today, cut in REPORT_TIME_ZONE unless tz says', async () => {
    const before = localDateOf(Date.now(), 'Europe/Berlin');
    const { body } = await get('/api/reports/daily');
    const after = localDateOf(Date.now(), 'Europe/Berlin');
    const days = DailyReportSchema.parse(body).days;
    expect(days).toHaveLength(30);
    expect([before, after]).toContain(days[29]!.date);
    expect(days[0]!.date).toBe(addDays(days[29]!.date, -29));
    // b1 started at 00:30 on Sunday in Berlin, 23:30 on Saturday in UTC.
    const berlin = DailyReportSchema.parse((await get(`/api/reports/daily?${RANGE}`)).body);
    expect(berlin.days.map((d) => [d.date, d.calls])).toEqual([
      ['2026-03-28', 2],
      ['2026-03-29', 1],
    ]);
    const utc = DailyReportSchema.parse((await get(`/api/reports/daily?${RANGE}&tz=UTC`)).body);
    expect(utc.days.map((d) => [d.date, d.calls])).toEqual([
      ['2026-03-28', 3],
      ['2026-03-29', 0],
    ]);
  });
});

describe('GET /api/reports/*: who may read them', () => {
  const REPORTS = [
    `/api/reports/daily?${RANGE}`,
    `/api/reports/daily.csv?${RANGE}`,
    '/api/reports/conferences?date=2026-03-28',
    `/api/reports/heatmap?${RANGE}`,
    `/api/reports/top?${RANGE}&by=agents`,
  ];

  test.each(REPORTS)(
    '%s: manager and admin 200, supervisor and wallboard 403, anonymous 401',
    async (path) => {
      expect((await get(path, tokens.manager!)).status).toBe(200);
      expect((await get(path, ADMIN)).status).toBe(200);
      const supervisor = await get(path, tokens.supervisor!);
      expect([supervisor.status, supervisor.body.error]).toEqual([
        403,
        'the supervisor role may not do this (reports:read)',
      ]);
      expect((await get(path, tokens.wallboard!)).status).toBe(403);
      expect((await get(path, null)).status).toBe(401);
    },
  );

  test('a manager scoped to Billing reads only the calls that touch Billing', async () => {
    const daily = DailyReportSchema.parse(
      (await get(`/api/reports/daily?${RANGE}&tz=UTC`, tokens.billing!)).body,
    );
    expect(daily.totals).toMatchObject({
      calls: 1,
      conferences: 1,
      bySize: { '3': 0, '4': 1, '5': 0, '6': 0 },
    });
    const all = DailyReportSchema.parse(
      (await get(`/api/reports/daily?${RANGE}&tz=UTC`, tokens.manager!)).body,
    );
    expect(all.totals).toMatchObject({ calls: 3, conferences: 2 });

    const day = ReportConferencePageSchema.parse(
      (await get('/api/reports/conferences?date=2026-03-28&tz=UTC', tokens.billing!)).body,
    );
    expect(day.conferences.map((c) => c.id)).toEqual(['b1']);
    const agents = TopReportSchema.parse(
      (await get(`/api/reports/top?${RANGE}&by=agents`, tokens.billing!)).body,
    );
    expect(agents.entries.map((e) => e.key)).toEqual([agentArnOf('Bob'), agentArnOf('helper1')]);
    const heat = (await get(`/api/reports/heatmap?${RANGE}`, tokens.billing!)).body;
    expect(heat.cells.reduce((n: number, c: { conferences: number }) => n + c.conferences, 0)).toBe(1);
    // A filter cannot widen a scope: Support is outside it, so nothing is left.
    const support = DailyReportSchema.parse(
      (await get(`/api/reports/daily?${RANGE}&queue=Support`, tokens.billing!)).body,
    );
    expect(support.totals.calls).toBe(0);
  });
});

describe('GET /api/reports/daily.csv', () => {
  test('the JSON report row by row, as text/csv with a file name', async () => {
    const query = `${RANGE}&tz=UTC`;
    const csv = await get(`/api/reports/daily.csv?${query}`);
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe('attachment; filename="confwatch-daily-2026-03-28-to-2026-03-29.csv"');
    const json = DailyReportSchema.parse((await get(`/api/reports/daily?${query}`)).body);
    const lines = csv.text.split('\r\n');
    expect(lines.pop()).toBe('');
    const header = lines[0]!.split(',');
    const rows = [...json.days.map((d) => ({ label: d.date, f: d })), { label: 'total', f: json.totals }];
    expect(lines.slice(1)).toHaveLength(rows.length);
    rows.forEach(({ label, f }, i) => {
      const cells = Object.fromEntries(lines[i + 1]!.split(',').map((v, c) => [header[c]!, v]));
      expect(cells).toEqual({
        date: label,
        calls: String(f.calls),
        conferences: String(f.conferences),
        size_3: String(f.bySize['3']),
        size_4: String(f.bySize['4']),
        size_5: String(f.bySize['5']),
        size_6: String(f.bySize['6']),
        multi_party_share: String(f.multiPartyShare),
        conference_minutes: String(f.conferenceMinutes),
        cap_hits: String(f.capHits),
        contact_lens_conflicts: String(f.contactLensConflicts),
        contact_lens_conflict_minutes: String(f.contactLensConflictMinutes),
        consult_hold_average_seconds: String(f.consultHold.averageSeconds),
        consult_hold_longest_seconds: String(f.consultHold.longestSeconds),
        external_parties_added: String(f.externalPartiesAdded),
      });
    });
    expect(json.totals.calls).toBe(3);
  });
});
