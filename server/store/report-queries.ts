import { z } from 'zod';
import { addSums, type DaySums } from '@/lib/reports/daily-report';
import type { LocalDay } from '@/lib/reports/zone-time';
import { CorruptRowError, parseInput } from './errors';
import { epochMs } from './input-schemas';
import { filterClauses, ReportFilterSchema, type ReportFilter } from './report-filter';
import { ROLLUP, SLOT_MS, SUMS_SELECT } from './report-slots';
import { SLOT_SUMS } from './schema';
import { placeholders, sql, type SqlDatabase, type SqlParam, type SqlRow } from './sql-database';

const DaysSchema = z
  .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), start: epochMs, end: epochMs }))
  .max(400);

type SlotSums = { slot: number; sums: DaySums };

/**
 * An integer column as either driver returns it (see `dbInteger`), checked without zod: a 90-day
 * report reads thousands of these rows and schema parsing would cost more than the query.
 */
function int(row: SqlRow, name: string): number {
  const v = row[name];
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'bigint' || (typeof v === 'string' && /^-?\d+$/.test(v))
        ? Number(v)
        : Number.NaN;
  if (!Number.isSafeInteger(n))
    throw new CorruptRowError('call_slot', String(row.slot), `${name} is ${String(v)}`);
  return n;
}

function toSums(raw: SqlRow): SlotSums {
  return {
    slot: int(raw, 'slot'),
    sums: {
      calls: int(raw, 'calls'),
      conferences: int(raw, 'conferences'),
      size3: int(raw, 'size3'),
      size4: int(raw, 'size4'),
      size5: int(raw, 'size5'),
      size6: int(raw, 'size6'),
      conferenceMs: int(raw, 'conference_ms'),
      capHits: int(raw, 'cap_hits'),
      contactLensConflicts: int(raw, 'cl_conflicts'),
      contactLensConflictMs: int(raw, 'cl_conflict_ms'),
      consultHoldMs: int(raw, 'consult_hold_ms'),
      consultHoldEpisodes: int(raw, 'consult_hold_episodes'),
      consultHoldLongestMs: int(raw, 'consult_hold_longest_ms'),
      externalPartiesAdded: int(raw, 'external_added'),
    },
  };
}

const SLOT_SUMS_SELECT = SLOT_SUMS.map(
  (n) => `${n === 'consult_hold_longest_ms' ? 'MAX' : 'SUM'}(${n}) AS ${n}`,
).join(', ');
const MemberKeySchema = z.object({ member_key: z.string() });

/**
 * The queue ARNs a filter narrows to, when call_slot can answer it (no agent filter, no scope):
 * `'all'` for no queue condition, else the ARNs of the queues named (by ARN or name). Undefined
 * when only the calls themselves can answer. A scoped caller is always answered from the calls:
 * a call is in a scope by any queue of any of its legs (S1), while call_slot files it under its
 * own queue only.
 */
async function slotQueues(db: SqlDatabase, filter: ReportFilter): Promise<'all' | string[] | undefined> {
  if (filter.agent !== undefined || filter.scopeKeys !== 'all') return undefined;
  const wanted: string[][] = [];
  if (filter.queue !== undefined) wanted.push([filter.queue]);
  let arns: Set<string> | undefined;
  for (const names of wanted) {
    const found = new Set<string>();
    if (names.length > 0) {
      const rows = await db.all(
        sql(
          `SELECT DISTINCT arn AS member_key FROM report_queue WHERE arn IN (${placeholders(names.length)}) OR name IN (${placeholders(names.length)})`,
          ...names,
          ...names,
        ),
      );
      for (const r of rows) found.add(MemberKeySchema.parse(r).member_key);
    }
    const previous: Set<string> | undefined = arns;
    arns = previous === undefined ? found : new Set([...previous].filter((a) => found.has(a)));
  }
  return arns === undefined ? 'all' : [...arns];
}

/** Report sums per quarter hour of `[start, end)`: from call_slot where it can, else from the calls. */
async function sumSlots(
  db: SqlDatabase,
  start: number,
  end: number,
  filter: ReportFilter,
): Promise<SlotSums[]> {
  const queues = await slotQueues(db, filter);
  if (queues !== undefined) {
    if (queues !== 'all' && queues.length === 0) return [];
    const where = ['slot >= ?', 'slot < ?'];
    const params: SqlParam[] = [start, end];
    if (queues === 'all') {
      // The roll-up rows: one a quarter hour (per mode, or for both).
      where.push('queue_arn = ?', 'mode = ?');
      params.push(ROLLUP, filter.mode ?? ROLLUP);
    } else {
      where.push(`queue_arn IN (${placeholders(queues.length)})`);
      params.push(...queues);
      if (filter.mode !== undefined) {
        where.push('mode = ?');
        params.push(filter.mode);
      }
    }
    const rows = await db.all(
      sql(
        `SELECT slot, ${SLOT_SUMS_SELECT} FROM call_slot WHERE ${where.join(' AND ')} GROUP BY slot`,
        ...params,
      ),
    );
    return rows.map(toSums);
  }
  const f = filterClauses(filter);
  const rows = await db.all(
    sql(
      `SELECT r.slot AS slot, ${SUMS_SELECT} FROM call_report r
      WHERE r.slot >= ? AND r.slot < ? ${f.clauses.map((c) => `AND ${c}`).join(' ')}
      GROUP BY r.slot`,
      start,
      end,
      ...f.params,
    ),
  );
  return rows.map(toSums);
}

/**
 * The report sums of each local day: the store sums quarter hours (UTC) and they are added up into
 * the days here, so a call counts on the day it started wherever it ended. Local midnights fall on
 * quarter hours in every zone. Days without calls are absent from the map.
 */
export async function sumReportDays(
  db: SqlDatabase,
  days: readonly LocalDay[],
  filter: ReportFilter,
): Promise<Map<string, DaySums>> {
  const list = parseInput(DaysSchema, days, 'sumReportDays days');
  const checked = parseInput(ReportFilterSchema, filter, 'sumReportDays filter');
  if (list.length === 0) return new Map();
  const slots = await sumSlots(db, list[0]!.start, list[list.length - 1]!.end, checked);
  const perDay = new Map<string, DaySums[]>();
  for (const s of slots) {
    const day = dayOf(list, s.slot);
    if (!day) continue;
    const sums = perDay.get(day.date);
    if (sums) sums.push(s.sums);
    else perDay.set(day.date, [s.sums]);
  }
  return new Map([...perDay].map(([date, sums]) => [date, addSums(sums)]));
}

/** The day (sorted, back to back) that holds instant `at`. */
function dayOf(days: readonly LocalDay[], at: number): LocalDay | undefined {
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = days[mid]!;
    if (at < d.start) hi = mid - 1;
    else if (at >= d.end) lo = mid + 1;
    else return d;
  }
  return undefined;
}

/** Conferences started in each quarter hour (UTC) of `[start, end)`, for the heat map. */
export async function countConferenceStarts(
  db: SqlDatabase,
  start: number,
  end: number,
  filter: ReportFilter,
): Promise<{ at: number; conferences: number }[]> {
  const from = parseInput(epochMs, start, 'countConferenceStarts start');
  const to = parseInput(epochMs, end, 'countConferenceStarts end');
  const checked = parseInput(ReportFilterSchema, filter, 'countConferenceStarts filter');
  return (await sumSlots(db, from, to, checked))
    .filter((s) => s.sums.conferences > 0)
    .map((s) => ({ at: s.slot, conferences: s.sums.conferences }));
}

export { SLOT_MS as START_BUCKET_MS };
