import { describe, expect, test } from 'vitest';
import type { ReportFigures } from '@/lib/reports/daily-report';
import { formatDailyCsv } from '@/lib/reports/csv';
import { reportParamSchemas, parseReportParams, type DailyParams } from '@/lib/reports/report-params';
import type { ReportScope } from '@/lib/reports/scope-keys';
import { readConferences, readDailyCsv, readDailyReport, readHeatmap, readTop } from '../reports';
import type { Store } from '../store';
import { agentArnOf, BILLING, buildReportCall, SUPPORT } from '../test-fixtures/report-builders';
import type { ContractContext } from './context';

/**
 * Five calls around the spring daylight-saving change in Berlin (Sunday 29 March 2026, 23 hours),
 * each with figures that can be worked out by hand (see buildReportCall).
 */
const CALLS = [
  // Saturday 10:00 Berlin, two parties.
  buildReportCall('c1', { start: '2026-03-28T09:00:00Z', minutes: 5, agent: 'Ada' }),
  // Saturday 23:50 Berlin, over midnight: three parties for 10 minutes; belongs to Saturday.
  buildReportCall('c2', {
    start: '2026-03-28T22:50:00Z',
    minutes: 20,
    agent: 'Ada',
    extras: 1,
    extraMinutes: 10,
  }),
  // Sunday 00:30 Berlin (still Saturday in UTC): four parties, one external, consult hold, A2.
  buildReportCall('c3', {
    start: '2026-03-28T23:30:00Z',
    agent: 'Bob',
    queue: BILLING,
    extras: 2,
    externals: 1,
    extraMinutes: 6,
    holdSeconds: 30,
    conflictSeconds: 120,
  }),
  // Sunday 23:30 Berlin (summer time): six parties, at the cap for 3 minutes.
  buildReportCall('c4', {
    start: '2026-03-29T21:30:00Z',
    agent: 'Ada',
    extras: 4,
    externals: 2,
    extraMinutes: 3,
    holdSeconds: 50,
  }),
  // Monday 08:00 Berlin, three-party mode: three parties is its cap.
  buildReportCall('c5', {
    start: '2026-03-30T06:00:00Z',
    mode: 'three-party',
    agent: 'Carol',
    queue: BILLING,
    extras: 1,
    extraMinutes: 4,
  }),
];

const ZERO: ReportFigures = {
  calls: 0,
  conferences: 0,
  bySize: { '3': 0, '4': 0, '5': 0, '6': 0 },
  multiPartyShare: 0,
  conferenceMinutes: 0,
  capHits: 0,
  contactLensConflicts: 0,
  contactLensConflictMinutes: 0,
  consultHold: { averageSeconds: 0, longestSeconds: 0 },
  externalPartiesAdded: 0,
};

const params = (p: Partial<DailyParams>): DailyParams => ({
  from: '2026-03-28',
  to: '2026-03-31',
  tz: 'Europe/Berlin',
  ...p,
});
const callsPerDay = async (store: Store, p: Partial<DailyParams>, scope: ReportScope = 'all') =>
  (await readDailyReport(store, params(p), scope)).days.map((d) => [d.date, d.calls]);

export function registerReportContract({ open, target }: ContractContext): void {
  describe('reports', () => {
    const seeded = async () => {
      const store = await open();
      await store.writeHistory(CALLS, Date.parse('2026-04-01T00:00:00Z'));
      return store;
    };

    test('daily report by hand: Berlin days with the 23-hour Sunday, over-midnight call, zero day, totals', async () => {
      const store = await seeded();
      const report = await readDailyReport(store, params({}), 'all');
      expect(report.days).toEqual([
        {
          date: '2026-03-28',
          ...ZERO,
          calls: 2,
          conferences: 1,
          bySize: { '3': 1, '4': 0, '5': 0, '6': 0 },
          multiPartyShare: 0.5,
          conferenceMinutes: 10,
        },
        {
          date: '2026-03-29',
          ...ZERO,
          calls: 2,
          conferences: 2,
          bySize: { '3': 0, '4': 1, '5': 0, '6': 1 },
          multiPartyShare: 1,
          conferenceMinutes: 9,
          capHits: 1,
          contactLensConflicts: 1,
          contactLensConflictMinutes: 2,
          consultHold: { averageSeconds: 40, longestSeconds: 50 },
          externalPartiesAdded: 3,
        },
        {
          date: '2026-03-30',
          ...ZERO,
          calls: 1,
          conferences: 1,
          bySize: { '3': 1, '4': 0, '5': 0, '6': 0 },
          multiPartyShare: 1,
          conferenceMinutes: 4,
          capHits: 1,
        },
        { date: '2026-03-31', ...ZERO },
      ]);
      expect(report.totals).toEqual({
        calls: 5,
        conferences: 4,
        bySize: { '3': 2, '4': 1, '5': 0, '6': 1 },
        multiPartyShare: 0.8,
        conferenceMinutes: 23,
        capHits: 2,
        contactLensConflicts: 1,
        contactLensConflictMinutes: 2,
        consultHold: { averageSeconds: 40, longestSeconds: 50 },
        externalPartiesAdded: 3,
      });
      // The same calls cut into UTC days: c3 started on Saturday in UTC.
      expect(await callsPerDay(store, { tz: 'UTC' })).toEqual([
        ['2026-03-28', 3],
        ['2026-03-29', 1],
        ['2026-03-30', 1],
        ['2026-03-31', 0],
      ]);
    });

    test('America/New_York and Europe/Berlin 25-hour autumn days keep their late calls', async () => {
      const store = await open();
      await store.writeHistory(
        [
          buildReportCall('ny1', { start: '2026-11-01T04:30:00Z' }), // 00:30 EDT
          buildReportCall('ny2', { start: '2026-11-02T04:30:00Z' }), // 23:30 EST, still 1 November
          buildReportCall('ny3', { start: '2026-11-02T05:10:00Z' }), // 00:10 EST, 2 November
          buildReportCall('be1', { start: '2026-10-25T22:30:00Z' }), // 23:30 CET, still 25 October
        ],
        0,
      );
      expect(
        await callsPerDay(store, { from: '2026-11-01', to: '2026-11-02', tz: 'America/New_York' }),
      ).toEqual([
        ['2026-11-01', 2],
        ['2026-11-02', 1],
      ]);
      expect(await callsPerDay(store, { from: '2026-11-01', to: '2026-11-02', tz: 'UTC' })).toEqual([
        ['2026-11-01', 1],
        ['2026-11-02', 2],
      ]);
      expect(await callsPerDay(store, { from: '2026-10-25', to: '2026-10-26', tz: 'Europe/Berlin' })).toEqual(
        [
          ['2026-10-25', 1],
          ['2026-10-26', 0],
        ],
      );
    });

    test('S1 S2 scope: queues by ARN or name, groups, an empty scope; filters by queue, agent and mode', async () => {
      const store = await seeded();
      const total = async (p: Partial<DailyParams>, scope: ReportScope = 'all') =>
        (await readDailyReport(store, params(p), scope)).totals.calls;
      expect(await total({}, { queues: ['Billing'] })).toBe(2);
      expect(await total({}, { queues: [SUPPORT.arn] })).toBe(3);
      expect(await total({}, { queues: ['Billing', SUPPORT.arn] })).toBe(5);
      expect(await total({}, { groups: ['arn:group/none'] })).toBe(0);
      // S2: a scope that lists nothing restricts nothing.
      expect(await total({}, {})).toBe(await total({}));
      expect(await total({ queue: 'Billing' })).toBe(2);
      expect(await total({ queue: SUPPORT.arn }, { queues: ['Billing'] })).toBe(0);
      expect(await total({ agent: 'Ada' })).toBe(3);
      expect(await total({ agent: agentArnOf('Bob') })).toBe(1);
      expect(await total({ agent: 'Helper 3' })).toBe(1);
      expect(await total({ mode: 'three-party' })).toBe(1);
      expect(await total({ mode: 'multi-party', queue: 'Billing' })).toBe(1);
    });

    test('the quarter-hour sums and a scan of the calls give the same report', async () => {
      const store = await seeded();
      // A scope naming a group is answered from the calls themselves, one without from call_slot.
      const cases: [{ queues: string[] }, Partial<DailyParams>][] = [
        [{ queues: ['Billing'] }, {}],
        [{ queues: [SUPPORT.arn, 'Billing'] }, { mode: 'multi-party' }],
        [{ queues: ['Support'] }, { queue: SUPPORT.arn }],
      ];
      for (const [scope, p] of cases) {
        const fromSlots = await readDailyReport(store, params(p), scope);
        const fromCalls = await readDailyReport(store, params(p), { ...scope, groups: ['arn:group/none'] });
        expect(fromCalls).toEqual(fromSlots);
        expect(fromSlots.totals.calls).toBeGreaterThan(0);
        expect(await readHeatmap(store, params(p), { ...scope, groups: ['x'] })).toEqual(
          await readHeatmap(store, params(p), scope),
        );
      }
    });

    test("a retried write never duplicates; a late rewrite replaces the call's figures", async () => {
      const store = await seeded();
      await store.writeHistory([CALLS[2]!, CALLS[2]!], 1);
      await store.writeHistory([CALLS[2]!], 2);
      const counts = async () =>
        Promise.all(
          ['call_report', 'call_scope', 'call_member'].map(async (t) =>
            Number(
              (
                await target.exec(
                  `SELECT COUNT(*) AS n FROM ${t} WHERE ${t === 'call_report' ? 'id' : 'call_id'} = 'c3'`,
                )
              )[0]!.n,
            ),
          ),
        );
      // c3: one report row; scope keys queue ARN, queue name and two agents; one queue, two agents.
      expect(await counts()).toEqual([1, 4, 3]);
      const later = buildReportCall('c3', { start: '2026-03-28T23:30:00Z', agent: 'Bob', queue: SUPPORT });
      await store.writeHistory([later], 3);
      expect(await counts()).toEqual([1, 3, 2]);
      const day = (await readDailyReport(store, params({ from: '2026-03-29', to: '2026-03-29' }), 'all'))
        .days[0]!;
      expect([day.calls, day.conferences, day.contactLensConflicts]).toEqual([2, 1, 0]);
      expect(
        await callsPerDay(store, { from: '2026-03-29', to: '2026-03-29' }, { queues: ['Billing'] }),
      ).toEqual([['2026-03-29', 0]]);
    });

    test('CSV: the JSON report row by row, as text/csv with a file name', async () => {
      const store = await seeded();
      const csv = await readDailyCsv(store, params({}), 'all');
      expect(csv.contentType).toBe('text/csv; charset=utf-8');
      expect(csv.fileName).toBe('confwatch-daily-2026-03-28-to-2026-03-31.csv');
      expect(csv.body).toBe(formatDailyCsv(await readDailyReport(store, params({}), 'all')));
      expect(csv.body.split('\r\n')[2]).toBe('2026-03-29,2,2,0,1,0,1,1,9,1,1,2,40,50,3');
      expect(csv.body.split('\r\n')[5]).toBe('total,5,4,2,1,0,1,0.8,23,2,1,2,40,50,3');
    });

    test('heat map: conferences by local hour and weekday; top agents and queues', async () => {
      const store = await seeded();
      const heat = await readHeatmap(store, params({}), 'all');
      expect(heat.cells).toHaveLength(168);
      expect(heat.cells.filter((c) => c.conferences > 0)).toEqual([
        { weekday: 0, hour: 8, conferences: 1 },
        { weekday: 5, hour: 23, conferences: 1 },
        { weekday: 6, hour: 0, conferences: 1 },
        { weekday: 6, hour: 23, conferences: 1 },
      ]);
      const utc = await readHeatmap(store, params({ tz: 'UTC' }), { queues: ['Billing'] });
      expect(utc.cells.filter((c) => c.conferences > 0)).toEqual([
        { weekday: 0, hour: 6, conferences: 1 },
        { weekday: 5, hour: 23, conferences: 1 },
      ]);
      const range = { from: '2026-03-28', to: '2026-03-31', tz: 'Europe/Berlin', limit: 3 };
      const agents = await readTop(store, { ...range, by: 'agents' }, 'all');
      expect(agents.entries).toEqual([
        { key: agentArnOf('Ada'), name: 'Ada', conferences: 2, partiesAdded: 5 },
        // Helper 0 was added to c2 and c5: as many conferences as Ada, none added.
        { key: agentArnOf('helper0'), name: 'Helper 0', conferences: 2, partiesAdded: 0 },
        { key: agentArnOf('Bob'), name: 'Bob', conferences: 1, partiesAdded: 2 },
      ]);
      const queues = await readTop(store, { ...range, by: 'queues' }, 'all');
      expect(queues.entries).toEqual([
        { key: SUPPORT.arn, name: 'Support', conferences: 2, partiesAdded: 5 },
        { key: BILLING.arn, name: 'Billing', conferences: 2, partiesAdded: 3 },
      ]);
      expect(
        (await readTop(store, { ...range, by: 'queues' }, { queues: ['Billing'] })).entries,
      ).toHaveLength(1);
      // The report's own filters narrow the top lists as they narrow the daily rows.
      expect((await readTop(store, { ...range, by: 'agents', queue: 'Billing' }, 'all')).entries).toEqual([
        { key: agentArnOf('Bob'), name: 'Bob', conferences: 1, partiesAdded: 2 },
        { key: agentArnOf('Carol'), name: 'Carol', conferences: 1, partiesAdded: 1 },
        { key: agentArnOf('helper0'), name: 'Helper 0', conferences: 1, partiesAdded: 0 },
      ]);
      expect((await readTop(store, { ...range, by: 'queues', mode: 'three-party' }, 'all')).entries).toEqual([
        { key: BILLING.arn, name: 'Billing', conferences: 1, partiesAdded: 1 },
      ]);
    });

    test("drill-down: one local day's conferences, by size and queue, paged by cursor", async () => {
      const store = await seeded();
      const schemas = reportParamSchemas({
        now: Date.parse('2026-04-01T00:00:00Z'),
        defaultTimeZone: 'Europe/Berlin',
      });
      const parse = (q: Record<string, string>) => {
        const r = parseReportParams(schemas.conferences, q);
        if (!r.ok) throw new Error(r.message);
        return r.value;
      };
      const day = await readConferences(store, parse({ date: '2026-03-29' }), 'all');
      expect(day.conferences.map((c) => c.id)).toEqual(['c3', 'c4']);
      expect(day.nextCursor).toBeNull();
      expect(day.conferences[0]).toEqual({
        id: 'c3',
        startedAt: '2026-03-28T23:30:00.000Z',
        endedAt: '2026-03-28T23:40:00.000Z',
        mode: 'multi-party',
        queue: BILLING,
        size: 4,
        cap: 6,
        agents: [
          { arn: agentArnOf('Bob'), name: 'Bob' },
          { arn: agentArnOf('helper1'), name: 'Helper 1' },
        ],
        conferenceSeconds: 360,
        atCapSeconds: 0,
        capReached: 0,
        contactLensConflictSeconds: 120,
        consultHoldSeconds: 30,
        consultHoldLongestSeconds: 30,
        externalPartiesAdded: 1,
        partiesAdded: 2,
      });
      expect(
        (await readConferences(store, parse({ date: '2026-03-29', size: '6' }), 'all')).conferences.map(
          (c) => c.id,
        ),
      ).toEqual(['c4']);
      expect(
        (
          await readConferences(store, parse({ date: '2026-03-29', queue: 'Billing' }), 'all')
        ).conferences.map((c) => c.id),
      ).toEqual(['c3']);
      expect(
        (
          await readConferences(store, parse({ date: '2026-03-29' }), { queues: ['Support'] })
        ).conferences.map((c) => c.id),
      ).toEqual(['c4']);
      expect(
        (await readConferences(store, parse({ date: '2026-03-29', agent: 'Bob' }), 'all')).conferences.map(
          (c) => c.id,
        ),
      ).toEqual(['c3']);
      expect(
        (
          await readConferences(store, parse({ date: '2026-03-30', mode: 'three-party' }), 'all')
        ).conferences.map((c) => c.id),
      ).toEqual(['c5']);
      expect(
        (await readConferences(store, parse({ date: '2026-03-30', mode: 'multi-party' }), 'all')).conferences,
      ).toEqual([]);
      const first = await readConferences(store, parse({ date: '2026-03-29', limit: '1' }), 'all');
      expect(first.conferences.map((c) => c.id)).toEqual(['c3']);
      const second = await readConferences(
        store,
        parse({ date: '2026-03-29', limit: '1', cursor: first.nextCursor! }),
        'all',
      );
      expect([second.conferences.map((c) => c.id), second.nextCursor]).toEqual([['c4'], null]);
      await expect(
        readConferences(store, parse({ date: '2026-03-29', cursor: 'bm9wZQ' }), 'all'),
      ).rejects.toThrow(/cursor/);
    });

    test('replay: picture changes are kept beside the record, replaced only by a write that has them', async () => {
      const store = await open();
      const changes = [
        { at: 1_000, party: 's:c1', field: 'monitorMode' as const, value: 'silent' as const },
        { at: 2_000, party: 's:c1', field: 'monitorMode' as const, value: 'barge' as const },
      ];
      await store.writeHistory(
        [CALLS[0]!],
        1,
        new Map([
          ['c1', changes],
          ['not-written', changes],
        ]),
      );
      expect(await store.getPictureChanges('c1')).toEqual(changes);
      expect(await store.getPictureChanges('not-written')).toBeNull();
      await store.writeHistory([CALLS[0]!], 2);
      expect(await store.getPictureChanges('c1')).toEqual(changes);
      await store.writeHistory([CALLS[0]!], 3, new Map([['c1', changes.slice(1)]]));
      expect(await store.getPictureChanges('c1')).toEqual(changes.slice(1));
      await expect(
        store.writeHistory([CALLS[0]!], 4, new Map([['c1', [{ ...changes[0]!, field: 'volume' as never }]]])),
      ).rejects.toThrow(/writeHistory pictureChanges/);
    });

    test('v1 → v2: opening a v1 store files the report facts of the history it holds', async () => {
      const first = await seeded();
      await first.close();
      // A v1 database: the same history, no report tables, version 1.
      for (const table of [
        'call_member',
        'call_scope',
        'call_report',
        'call_slot',
        'call_slot_dirty',
        'history_picture',
      ])
        await target.exec(`DROP TABLE ${table}`);
      await target.exec('UPDATE schema_version SET version = 1');
      const store = await open();
      expect(
        (await target.exec('SELECT version FROM schema_version ORDER BY version')).map((r) =>
          Number(r.version),
        ),
      ).toEqual([1, 2]);
      expect((await readDailyReport(store, params({}), 'all')).totals.calls).toBe(5);
      expect(
        (
          await readTop(
            store,
            { from: '2026-03-28', to: '2026-03-31', tz: 'Europe/Berlin', limit: 1, by: 'agents' },
            'all',
          )
        ).entries[0]!.key,
      ).toBe(agentArnOf('Ada'));
    });
  });
}
