import type { HeatGrid } from '@/lib/reports/heatmap-grid';
import styles from './reports.module.css';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * Conferences started by hour of day (columns, in the report's zone) and weekday (rows): a table
 * whose cells are shaded by count, each count written in its cell, so the picture is its numbers.
 */
export function HeatMap({ grid, timeZone }: { grid: HeatGrid; timeZone: string }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.heat} data-testid="table-heatmap">
        <caption className={styles.heatCaption}>
          Hours in {timeZone}; darker is busier (busiest hour: {grid.max})
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Weekday</span>
            </th>
            {HOURS.map((h) => (
              <th key={h} scope="col" className={styles.heatHour}>
                {String(h).padStart(2, '0')}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.weekday} data-weekday={row.weekday}>
              <th scope="row">{row.name.slice(0, 3)}</th>
              {row.cells.map((cell) => (
                <td
                  key={cell.hour}
                  data-hour={cell.hour}
                  data-value={cell.conferences}
                  data-level={cell.level}
                  title={`${row.name} ${String(cell.hour).padStart(2, '0')}:00: ${cell.conferences} conferences`}
                >
                  {cell.conferences > 0 ? cell.conferences : ''}
                </td>
              ))}
              <td data-value={row.total} className={styles.heatTotal}>
                {row.total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
