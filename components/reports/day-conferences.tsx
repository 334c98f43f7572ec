import Link from 'next/link';
import { MODE_WORD } from '@/lib/board/labels';
import type { ReportConference } from '@/lib/reports/report-responses';
import { formatDay, formatFigure, formatTimeIn } from '@/lib/reports/report-format';
import type { DrillSize } from '@/lib/reports/report-selection';
import styles from './reports.module.css';

type Props = {
  day: string;
  timeZone: string;
  size: DrillSize | undefined;
  conferences: ReportConference[];
  status: 'pending' | 'error' | 'success';
  error: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onSize: (size: DrillSize | undefined) => void;
  onClose: () => void;
};

const SIZES: DrillSize[] = [3, 4, 5, 6];
const names = (c: ReportConference) => c.agents.map((a) => a.name ?? a.arn).join(', ') || '—';

/** A day's conferences, oldest first, a page at a time; each opens to its replay. */
export function DayConferences(p: Props) {
  return (
    <section
      className={styles.drill}
      data-testid="day-conferences"
      data-day={p.day}
      aria-labelledby="drill-title"
    >
      <div className={styles.drillHead}>
        <h2 id="drill-title">Conferences on {formatDay(p.day)}</h2>
        <label className={styles.field}>
          <span>Peak size</span>
          <select
            value={p.size ?? ''}
            onChange={(e) => p.onSize(e.target.value ? (Number(e.target.value) as DrillSize) : undefined)}
          >
            <option value="">Any size</option>
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s === 6 ? '6 parties (at the cap)' : `${s} parties`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={p.onClose}>
          Close the day
        </button>
      </div>
      {p.status === 'pending' ? (
        <p className={styles.panelNote}>Loading the day’s conferences…</p>
      ) : p.status === 'error' ? (
        <p className={styles.panelNote} role="alert">
          The day’s conferences could not be read: {p.error}
        </p>
      ) : p.conferences.length === 0 ? (
        <p className={styles.panelNote}>
          No conferences started on this day{p.size ? ` with ${p.size} parties` : ''}.
        </p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">Conferences on {formatDay(p.day)}</caption>
            <thead>
              <tr>
                <th scope="col">Started ({p.timeZone})</th>
                <th scope="col" className={styles.text}>
                  Queue
                </th>
                <th scope="col" className={styles.text}>
                  Agents
                </th>
                <th scope="col">Peak</th>
                <th scope="col">Conference time</th>
                <th scope="col">Consult hold</th>
                <th scope="col">Contact Lens conflict</th>
                <th scope="col">External added</th>
                <th scope="col">
                  <span className="visually-hidden">Replay</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.conferences.map((c) => (
                <tr key={c.id} data-conference-id={c.id} data-size={c.size}>
                  <td className="tabular">{formatTimeIn(Date.parse(c.startedAt), p.timeZone, true)}</td>
                  <td className={styles.text}>{c.queue ? (c.queue.name ?? c.queue.arn) : '—'}</td>
                  <td className={styles.text}>{names(c)}</td>
                  <td className="tabular">
                    {c.size}/{c.cap}
                    {c.mode === 'three-party' ? ` · ${MODE_WORD[c.mode]}` : ''}
                  </td>
                  <td className="tabular">{formatFigure(c.conferenceSeconds / 60, 'minutes')}</td>
                  <td className="tabular">{formatFigure(c.consultHoldSeconds, 'seconds')}</td>
                  <td className="tabular">{formatFigure(c.contactLensConflictSeconds, 'seconds')}</td>
                  <td className="tabular">{c.externalPartiesAdded}</td>
                  <td>
                    <Link
                      href={`/conferences/${encodeURIComponent(c.id)}/replay`}
                      className={styles.replayLink}
                    >
                      Replay
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.hasMore ? (
        <button type="button" className="button" onClick={p.onLoadMore} disabled={p.loadingMore}>
          {p.loadingMore ? 'Loading…' : 'Show more conferences'}
        </button>
      ) : null}
    </section>
  );
}
