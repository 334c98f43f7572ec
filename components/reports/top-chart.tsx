import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartData } from '@/lib/reports/report-charts';
import { toChartPoints } from '@/lib/reports/report-charts';

const AXIS = { stroke: 'var(--text-muted)', fontSize: 12 };

/** A top list as horizontal bars, most first: conferences and the parties added, per name. */
export function TopChart({ data }: { data: ChartData }) {
  const points = toChartPoints(data);
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, 34 * points.length + 60)}>
      <BarChart data={points} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tick={AXIS} stroke="var(--border-strong)" allowDecimals={false} />
        <YAxis type="category" dataKey="label" tick={AXIS} stroke="var(--border-strong)" width={150} />
        <Tooltip
          contentStyle={{
            background: 'var(--surface)',
            border: '1px solid var(--border-strong)',
            color: 'var(--text)',
          }}
          cursor={{ fill: 'var(--surface-2)' }}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        <Bar
          dataKey="conferences"
          name="Conferences"
          fill="var(--dial)"
          isAnimationActive={false}
          maxBarSize={14}
        />
        <Bar
          dataKey="partiesAdded"
          name="Parties added"
          fill="var(--ok)"
          isAnimationActive={false}
          maxBarSize={14}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
