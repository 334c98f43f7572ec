import { MODE_WORD } from '@/lib/board/labels';
import type { ConferenceMode } from '@/lib/conference';
import type { ReportSelection } from '@/lib/reports/report-selection';
import styles from './reports.module.css';

export type RangeChoice = { label: string; from: string; to: string };

type Props = {
  selection: ReportSelection;
  /** The range the report shows (the server's default when the URL names none). */
  shown: { from: string; to: string } | null;
  ranges: RangeChoice[];
  timeZone: string | undefined;
  timeZones: readonly string[];
  queues: readonly string[];
  agents: readonly string[];
  onChange: (change: Partial<ReportSelection>) => void;
};

/** With the current value first when the list does not have it (a link may name any). */
const withCurrent = (list: readonly string[], current: string | undefined) =>
  current && !list.includes(current) ? [current, ...list] : list;

/** The report's range, zone and filters, each a labelled control. */
export function ReportFilters(p: Props) {
  const s = p.selection;
  const from = s.from ?? p.shown?.from ?? '';
  const to = s.to ?? p.shown?.to ?? '';
  return (
    <form className={styles.filters} aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset className={styles.ranges}>
        <legend className="visually-hidden">Range</legend>
        {p.ranges.map((r) => (
          <button
            key={r.label}
            type="button"
            className="button"
            aria-pressed={from === r.from && to === r.to}
            onClick={() => p.onChange({ from: r.from, to: r.to })}
          >
            {r.label}
          </button>
        ))}
      </fieldset>
      <label className={styles.field}>
        <span>From</span>
        <input
          type="date"
          value={from}
          max={to || undefined}
          onChange={(e) => p.onChange({ from: e.target.value })}
        />
      </label>
      <label className={styles.field}>
        <span>To</span>
        <input
          type="date"
          value={to}
          min={from || undefined}
          onChange={(e) => p.onChange({ to: e.target.value })}
        />
      </label>
      <label className={styles.field}>
        <span>Time zone</span>
        <select value={s.tz ?? p.timeZone ?? ''} onChange={(e) => p.onChange({ tz: e.target.value })}>
          {withCurrent(p.timeZones, s.tz ?? p.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>Queue</span>
        <select value={s.queue ?? ''} onChange={(e) => p.onChange({ queue: e.target.value })}>
          <option value="">All queues</option>
          {withCurrent(p.queues, s.queue).map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>Agent</span>
        <select value={s.agent ?? ''} onChange={(e) => p.onChange({ agent: e.target.value })}>
          <option value="">All agents</option>
          {withCurrent(p.agents, s.agent).map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>Mode</span>
        <select
          value={s.mode ?? ''}
          onChange={(e) => p.onChange({ mode: (e.target.value || undefined) as ConferenceMode | undefined })}
        >
          <option value="">Both modes</option>
          {(['multi-party', 'three-party'] as const).map((m) => (
            <option key={m} value={m}>
              {MODE_WORD[m]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
