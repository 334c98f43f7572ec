import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartData, DailyChartId } from '@/lib/reports/report-charts';
import { toChartPoints } from '@/lib/reports/report-charts';
import { formatDay, formatDayShort, formatFigure } from '@/lib/reports/report-format';

type Series = { key: string; kind: 'bar' | 'line'; color: string; stack?: boolean; right?: boolean };

/** How each daily chart draws its columns (a column not listed is in the table only). */
const SERIES: Record<DailyChartId, Series[]> = {
  'by-size': [
    { key: 'size3', kind: 'bar', color: 'var(--dial)', stack: true },
    { key: 'size4', kind: 'bar', color: 'var(--ok)', stack: true },
    { key: 'size5', kind: 'bar', color: 'var(--warning)', stack: true },
    { key: 'size6', kind: 'bar', color: 'var(--critical)', stack: true },
  ],
  'multi-party-share': [{ key: 'share', kind: 'line', color: 'var(--dial)' }],
  'conference-minutes': [{ key: 'minutes', kind: 'bar', color: 'var(--ok)' }],
  'cap-hits': [{ key: 'capHits', kind: 'bar', color: 'var(--warning)' }],
  'contact-lens': [
    { key: 'conflicts', kind: 'bar', color: 'var(--critical)' },
    { key: 'minutes', kind: 'line', color: 'var(--mute)', right: true },
  ],
  'consult-hold': [
    { key: 'average', kind: 'bar', color: 'var(--hold)' },
    { key: 'longest', kind: 'line', color: 'var(--critical)' },
  ],
  'external-parties': [{ key: 'external', kind: 'bar', color: 'var(--mute)' }],
};

const AXIS = { stroke: 'var(--text-muted)', fontSize: 12 };

/**
 * A daily chart: one band per day of the range, bars (stacked where they add up) and lines; a
 * second axis on the right where a line is in other units. Clicking a day opens its conferences.
 */
export function DailyChart({
  data,
  onPickDay,
}: {
  data: ChartData & { id: DailyChartId };
  onPickDay: (date: string) => void;
}) {
  const series = SERIES[data.id];
  const column = (key: string) => data.columns.find((c) => c.key === key)!;
  const unit = column(series[0]!.key).unit;
  const right = series.find((s) => s.right);
  const share = unit === 'share';
  return (
    <ResponsiveContainer width="100%" height={230}>
      <ComposedChart
        data={toChartPoints(data)}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        onClick={(state) => {
          if (typeof state?.activeLabel === 'string') onPickDay(state.activeLabel);
        }}
        style={{ cursor: 'pointer' }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="key"
          tickFormatter={formatDayShort}
          tick={AXIS}
          stroke="var(--border-strong)"
          minTickGap={16}
        />
        <YAxis
          yAxisId="left"
          tick={AXIS}
          stroke="var(--border-strong)"
          width={48}
          allowDecimals={unit !== 'count'}
          tickFormatter={(v: number) => (share ? `${Math.round(v * 100)}%` : String(v))}
          {...(share ? { domain: [0, 'auto'] as const } : {})}
        />
        {right ? (
          <YAxis yAxisId="right" orientation="right" tick={AXIS} stroke="var(--border-strong)" width={44} />
        ) : null}
        <Tooltip
          labelFormatter={(label) => formatDay(String(label))}
          formatter={(value, name) => {
            const c = data.columns.find((col) => col.label === name);
            return c ? formatFigure(Number(value), c.unit) : String(value);
          }}
          contentStyle={{
            background: 'var(--surface)',
            border: '1px solid var(--border-strong)',
            color: 'var(--text)',
          }}
          cursor={{ fill: 'var(--surface-2)' }}
        />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 13 }} /> : null}
        {series.map((s) =>
          s.kind === 'bar' ? (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={column(s.key).label}
              fill={s.color}
              yAxisId={s.right ? 'right' : 'left'}
              {...(s.stack ? { stackId: 'stack' } : {})}
              isAnimationActive={false}
              maxBarSize={36}
            />
          ) : (
            <Line
              key={s.key}
              dataKey={s.key}
              name={column(s.key).label}
              stroke={s.color}
              strokeWidth={2.5}
              dot={data.rows.length <= 31}
              yAxisId={s.right ? 'right' : 'left'}
              type="monotone"
              isAnimationActive={false}
            />
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
