import { z } from 'zod';
import { ConferenceModeSchema, type ConferenceMode } from '@/lib/conference';
import { addDays, daysInRange, isTimeZone, localDateOf } from './zone-time';

/** The longest range one request may ask for. */
export const MAX_RANGE_DAYS = 400;
/** The range asked for when `from` and `to` are left out: the last 30 days, today included. */
export const DEFAULT_RANGE_DAYS = 30;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_TOP = 10;
export const MAX_TOP = 100;

/** What the defaults depend on: the time now and the configured zone (`REPORT_TIME_ZONE`). */
export type ParamContext = { now: number; defaultTimeZone: string };

export type RangeParams = { from: string; to: string; tz: string };
export type ReportFilters = { queue?: string; agent?: string; mode?: ConferenceMode };
export type DailyParams = RangeParams & ReportFilters;
export type HeatmapParams = RangeParams & ReportFilters;
export type TopParams = RangeParams & ReportFilters & { by: 'agents' | 'queues'; limit: number };
export type ConferencesParams = ReportFilters & {
  date: string;
  tz: string;
  size?: 3 | 4 | 5 | 6;
  cursor?: string;
  limit: number;
};

const isRealDate = (s: string) => {
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
};

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date, YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'is not a real calendar date');
const zone = z
  .string()
  .max(64)
  .refine(isTimeZone, 'is not a known time zone (use an IANA name such as Europe/Berlin)');
const text = z.string().min(1, 'must not be empty').max(512);
const mode = z.enum(ConferenceModeSchema.options, { error: 'must be multi-party or three-party' });
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const size = z
  .enum(['3', '4', '5', '6'], { error: 'must be 3, 4, 5 or 6' })
  .transform((s) => Number(s) as 3 | 4 | 5 | 6);
const cursor = z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, 'is not a cursor this server handed out');
const by = z.enum(['agents', 'queues'], { error: 'must be agents or queues' });

const rangeShape = { from: date.optional(), to: date.optional(), tz: zone.optional() };
const filterShape = { queue: text.optional(), agent: text.optional(), mode: mode.optional() };

type RawRange = { from?: string; to?: string; tz?: string };

/** Fills in the zone and range defaults, then refuses a reversed or too long range. */
function resolveRange(raw: RawRange, context: ParamContext, issue: (path: string, message: string) => void) {
  const tz = raw.tz ?? context.defaultTimeZone;
  const today = localDateOf(context.now, tz);
  const to = raw.to ?? (raw.from ? maxDate(raw.from, today) : today);
  const from = raw.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) issue('from', `must not be after to (${to})`);
  else if (daysInRange(from, to) > MAX_RANGE_DAYS)
    issue(raw.to ? 'to' : 'from', `the range may span at most ${MAX_RANGE_DAYS} days`);
  return { from, to, tz };
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

function withRange<S extends z.ZodRawShape>(shape: S, context: ParamContext) {
  return z.strictObject({ ...rangeShape, ...shape }).transform((raw, ctx) => {
    const range = resolveRange(raw as RawRange, context, (path, message) =>
      ctx.addIssue({ code: 'custom', path: [path], message }),
    );
    return { ...raw, ...range };
  });
}

/** The schemas of each report's query parameters, with defaults that depend on `context`. */
export function reportParamSchemas(context: ParamContext) {
  return {
    daily: withRange(filterShape, context) as z.ZodType<DailyParams>,
    heatmap: withRange(filterShape, context) as z.ZodType<HeatmapParams>,
    top: withRange({ ...filterShape, by, limit: int(1, MAX_TOP).optional() }, context).transform((p) => ({
      ...p,
      limit: p.limit ?? DEFAULT_TOP,
    })) as z.ZodType<TopParams>,
    conferences: z
      .strictObject({
        date,
        tz: zone.optional(),
        size: size.optional(),
        ...filterShape,
        cursor: cursor.optional(),
        limit: int(1, MAX_PAGE_SIZE).optional(),
      })
      .transform((p) => ({ ...p, tz: p.tz ?? context.defaultTimeZone, limit: p.limit ?? DEFAULT_PAGE_SIZE })),
  } as const satisfies Record<string, z.ZodType>;
}

export type ParamIssue = { param: string; message: string };
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string; issues: ParamIssue[] };

/**
 * Parses a query string's parameters (as a router hands them: a string each, an array when given
 * more than once) against one of the schemas; a refusal names every bad parameter.
 */
export function parseReportParams<T>(
  schema: z.ZodType<T>,
  query: Record<string, string | string[] | undefined>,
): ParseResult<T> {
  const issues: ParamIssue[] = [];
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) issues.push({ param: key, message: 'is given more than once' });
    else flat[key] = value;
  }
  const result = schema.safeParse(flat);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          issues.push({ param: key, message: 'is not a parameter of this report' });
      } else issues.push({ param: String(issue.path[0] ?? 'query'), message: issue.message });
    }
  }
  if (issues.length > 0 || !result.success) {
    return { ok: false, message: issues.map((i) => `${i.param} ${i.message}`).join('; '), issues };
  }
  return { ok: true, value: result.data };
}
