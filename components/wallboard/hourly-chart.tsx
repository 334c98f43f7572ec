import { memo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { HourRow } from '@/lib/wallboard/hourly';
import styles from './hourly-chart.module.css';

const sameRows = (a: { rows: HourRow[] }, b: { rows: HourRow[] }) =>
  a.rows.length === b.rows.length &&
  a.rows.every((r, i) => r.today === b.rows[i]?.today && r.yesterday === b.rows[i]?.yesterday);

/**
 * Multi-party calls started per hour: today as bars (up to now), yesterday as a dashed line, told
 * apart by shape and named in the legend beside them. No animation: it is redrawn every minute
 * for weeks, and an animation would hold on to every frame it ever started.
 */
const Chart = memo(function Chart({ rows }: { rows: HourRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        data={rows}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="hour" stroke="var(--text-muted)" interval={1} tickLine={false} />
        <YAxis stroke="var(--text-muted)" allowDecimals={false} width="auto" tickLine={false} />
        <Bar dataKey="today" fill="var(--dial)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        <Line
          dataKey="yesterday"
          stroke="var(--text)"
          strokeWidth={4}
          strokeDasharray="10 7"
          dot={false}
          isAnimationActive={false}
          type="linear"
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}, sameRows);

/** Today's multi-party calls by hour against yesterday's, with the same figures in words. */
export function HourlyChart({
  rows,
  summary,
  timeZone,
}: {
  rows: HourRow[] | null;
  summary: string;
  timeZone: string;
}) {
  return (
    <section className={styles.view} aria-label="Multi-party calls by hour, today and yesterday">
      <header className={styles.head}>
        <h2 className={styles.title}>Multi-party calls by hour</h2>
        <ul className={styles.legend}>
          <li>
            <span className={styles.barKey} aria-hidden="true" /> Today
          </li>
          <li>
            <span className={styles.lineKey} aria-hidden="true" /> Yesterday
          </li>
        </ul>
      </header>
      <p className={styles.summary} data-testid="hourly-summary">
        {summary}
      </p>
      <div className={styles.chart} aria-hidden="true">
        {rows ? <Chart rows={rows} /> : <p className={styles.waiting}>Waiting for today’s figures…</p>}
      </div>
      <p className={styles.zone}>Hours in {timeZone}</p>
    </section>
  );
}
