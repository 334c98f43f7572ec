/** How a report figure is written for people; the raw number stays with it for machines. */
export type FigureUnit = 'count' | 'share' | 'minutes' | 'seconds';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** `1,234`; a share as `32.5 %`; minutes `12.5 min` (`1,234 min` from 100 on); seconds alike. */
export function formatFigure(value: number, unit: FigureUnit): string {
  switch (unit) {
    case 'count':
      return whole.format(value);
    case 'share':
      return `${oneDecimal.format(value * 100)} %`;
    case 'minutes':
      return `${(value >= 100 ? whole : oneDecimal).format(value)} min`;
    case 'seconds':
      return `${(value >= 100 ? whole : oneDecimal).format(value)} s`;
  }
}

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const partsOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
};

/** A calendar date (`YYYY-MM-DD`, a local day of the report's zone) as `Sat 28 Mar`. */
export function formatDay(date: string): string {
  const p = partsOf(date);
  return `${WEEKDAY[p.weekday]} ${p.d} ${MONTH[p.m - 1]}`;
}

/** A short axis label: `28 Mar`. */
export function formatDayShort(date: string): string {
  const p = partsOf(date);
  return `${p.d} ${MONTH[p.m - 1]}`;
}

/** A range as a heading says it: `1 Mar – 30 Mar 2026`, or one day. */
export function formatRange(from: string, to: string): string {
  const a = partsOf(from);
  const b = partsOf(to);
  const end = `${b.d} ${MONTH[b.m - 1]} ${b.y}`;
  if (from === to) return end;
  return `${a.d} ${MONTH[a.m - 1]}${a.y === b.y ? '' : ` ${a.y}`} – ${end}`;
}

/** An instant as the wall-clock time in `timeZone`: `23:50`, or `23:50:07` with seconds. */
export function formatTimeIn(ms: number, timeZone: string, withSeconds = false): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(new Date(ms));
}
