import type { ChartData, ChartRow } from '@/lib/reports/report-charts';
import { formatDay, formatFigure } from '@/lib/reports/report-format';
import styles from './reports.module.css';

/**
 * A chart's numbers as a table: one row a day (or an agent, a queue), one column a series, the
 * total last. Each cell carries its raw value (`data-value`) beside the words it shows. Days can
 * be opened (`onPickDay`): the drill-down of that day's conferences.
 */
export function ChartTable({
  data,
  rowHeader,
  onPickDay,
}: {
  data: ChartData;
  rowHeader: 'Day' | 'Agent' | 'Queue';
  onPickDay?: (date: string) => void;
}) {
  const days = rowHeader === 'Day';
  const cells = (row: ChartRow) =>
    data.columns.map((c) => (
      <td key={c.key} data-column={c.key} data-value={row.values[c.key]}>
        {formatFigure(row.values[c.key] ?? 0, c.unit)}
      </td>
    ));
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid={`table-${data.id}`}>
        <caption className="visually-hidden">{data.title}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {data.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.key} data-row-key={row.key}>
              <th scope="row">
                {days && onPickDay ? (
                  <button type="button" className={styles.dayButton} onClick={() => onPickDay(row.key)}>
                    {formatDay(row.key)}
                  </button>
                ) : days ? (
                  formatDay(row.key)
                ) : (
                  row.label
                )}
              </th>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        {data.total ? (
          <tfoot>
            <tr data-row-key="total">
              <th scope="row">{data.total.label}</th>
              {cells(data.total)}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
