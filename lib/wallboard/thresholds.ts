/**
 * The wallboard's figures by the names its markup carries (`data-kpi`), and the thresholds a screen
 * sets on them in its URL: `warn.<kpi>=N` and `crit.<kpi>=N` (at N or above), or `=below:N` (under
 * N). `longest-hold` is in seconds; `today-vs-yesterday` is judged on today's count.
 */
export const KPI_NAMES = [
  'live-conferences',
  'parties',
  'size-3',
  'size-4',
  'size-5',
  'size-6',
  'at-cap',
  'contact-lens-conflicts',
  'longest-hold',
  'today-vs-yesterday',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

export type Bound = { direction: 'above' | 'below'; value: number };
export type KpiThresholds = { warning?: Bound; critical?: Bound };
export type Thresholds = Partial<Record<KpiName, KpiThresholds>>;

/** What crossing a threshold makes of a figure; `normal` is within every bound. */
export type Level = 'normal' | 'warning' | 'critical';

const LEVEL_OF_PREFIX = { warn: 'warning', crit: 'critical' } as const;
const BOUND = /^(below:)?(\d{1,9}(?:\.\d{1,3})?)$/;

const isKpi = (name: string): name is KpiName => (KPI_NAMES as readonly string[]).includes(name);

/** One bound from its URL value, or null when it is not one. */
export function parseBound(raw: string): Bound | null {
  const m = BOUND.exec(raw.trim());
  if (!m) return null;
  return { direction: m[1] ? 'below' : 'above', value: Number(m[2]) };
}

/**
 * Every `warn.*` and `crit.*` parameter: the thresholds it sets, and each one that sets none (an
 * unknown figure or a value that is not a bound), named so the screen can say what it ignored.
 */
export function parseThresholds(params: Iterable<[string, string]>): {
  thresholds: Thresholds;
  ignored: string[];
} {
  const thresholds: Thresholds = {};
  const ignored: string[] = [];
  for (const [key, value] of params) {
    const m = /^(warn|crit)\.(.+)$/.exec(key);
    if (!m) continue;
    const name = m[2]!;
    const bound = parseBound(value);
    if (!isKpi(name) || !bound) {
      ignored.push(`${key}=${value}`);
      continue;
    }
    const level = LEVEL_OF_PREFIX[m[1] as 'warn' | 'crit'];
    thresholds[name] = { ...thresholds[name], [level]: bound };
  }
  return { thresholds, ignored };
}

const crosses = (value: number, bound: Bound | undefined) =>
  bound !== undefined && (bound.direction === 'above' ? value >= bound.value : value < bound.value);

/** How a figure stands against its thresholds; critical wins. A figure not yet known is normal. */
export function judge(value: number | null, t: KpiThresholds | undefined): Level {
  if (value === null || !t) return 'normal';
  if (crosses(value, t.critical)) return 'critical';
  if (crosses(value, t.warning)) return 'warning';
  return 'normal';
}

/** The bound that was crossed, in words short enough for a tile: `≥ 3`, `< 10`. */
export function describeBound(bound: Bound, format: (value: number) => string = String): string {
  return `${bound.direction === 'above' ? '≥' : '<'} ${format(bound.value)}`;
}
