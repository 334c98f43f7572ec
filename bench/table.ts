import type { Row } from './goals';

/** A figure as the table shows it: three significant digits, thousands separated, unit after. */
export function formatValue(value: number | string, unit: string): string {
  const text =
    typeof value === 'string'
      ? value
      : Number.isFinite(value)
        ? value.toLocaleString('en-US', { maximumSignificantDigits: 3 })
        : String(value);
  return unit ? `${text} ${unit}` : text;
}

const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : 'MISSED');

/** The printed table: suite, metric, value, goal, met/missed; columns padded to their widest cell. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['suite', 'metric', 'value', 'goal', 'met/missed'];
  const cells = rows.map((r) => [r.suite, r.metric, formatValue(r.value, r.unit), r.goal, verdict(r.met)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((text, i) => (i === 2 ? text.padStart(widths[i]!) : text.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
