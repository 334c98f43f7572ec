import type { ReactNode } from 'react';
import { SUMMARY_SIZES, sizeBars, type BoardSummary } from '@/lib/board/summary';
import { formatDuration } from '@/lib/board/time';
import { SizeChart } from './size-chart';
import { useServerNow } from './use-server-now';
import styles from './summary-strip.module.css';

/** Calls behind a tile that the filters hide: said in words, with a button that shows them. */
function HiddenNote({
  ids,
  onShow,
  what,
}: {
  ids: readonly string[];
  onShow: (ids: string[]) => void;
  what: string;
}) {
  if (ids.length === 0) return null;
  return (
    <span className={styles.note} data-testid="hidden-note">
      {ids.length === 1 ? 'on a hidden call' : `${ids.length} on hidden calls`}{' '}
      <button
        type="button"
        className={styles.show}
        onClick={() => onShow([...ids])}
        aria-label={`Show ${ids.length === 1 ? 'the hidden call' : 'the hidden calls'} with ${what}`}
      >
        Show
      </button>
    </span>
  );
}

function Stat(props: {
  testId: string;
  label: string;
  value: ReactNode;
  tone?: 'critical' | 'warning' | 'ok';
  note?: ReactNode;
}) {
  return (
    <div className={styles.stat} data-testid={props.testId} data-tone={props.tone}>
      <span className={styles.value}>{props.value}</span>
      <span className={styles.label}>{props.label}</span>
      {props.note}
    </div>
  );
}

function LongestHold(p: {
  since: string | null;
  longHoldSeconds: number;
  hiddenOn: string | null;
  onShow: (ids: string[]) => void;
}) {
  const now = useServerNow(p.since !== null);
  const ms = p.since === null || now === 0 ? null : now - Date.parse(p.since);
  return (
    <Stat
      testId="summary-longest-hold"
      label="Longest customer hold"
      tone={ms !== null && ms >= p.longHoldSeconds * 1000 ? 'warning' : undefined}
      value={
        ms === null ? (
          <span className={styles.none}>none</span>
        ) : (
          <span className="tabular">{formatDuration(ms)}</span>
        )
      }
      note={
        <HiddenNote ids={p.hiddenOn ? [p.hiddenOn] : []} onShow={p.onShow} what="the longest customer hold" />
      }
    />
  );
}

/**
 * The whole live board in numbers (every live call, whatever the filters hide), big enough for a
 * wallboard; every number is text. A tile whose calls the filters hide says so and can show them.
 */
export function SummaryStrip({
  summary,
  longHoldSeconds,
  onShow,
}: {
  summary: BoardSummary;
  longHoldSeconds: number;
  onShow: (ids: string[]) => void;
}) {
  return (
    <section className={styles.strip} data-testid="summary-strip" aria-label="Summary of the live board">
      <Stat testId="summary-live" label="Live conferences" value={summary.live} />
      <Stat testId="summary-parties" label="Parties on them" value={summary.parties} />
      <div className={styles.sizes}>
        <span className={styles.label}>Conferences by size</span>
        <div className={styles.sizeRow}>
          <ul className={styles.sizeList}>
            {SUMMARY_SIZES.map((size) => (
              <li key={size} data-testid={`summary-size-${size}`}>
                <span className={styles.sizeKey}>{size} parties</span>
                <b className="tabular">{summary.bySize[size]}</b>
              </li>
            ))}
          </ul>
          <SizeChart bars={sizeBars(summary)} />
        </div>
      </div>
      <Stat
        testId="summary-at-cap"
        label="At cap"
        value={summary.atCap}
        tone={summary.atCap > 0 ? 'warning' : undefined}
        note={<HiddenNote ids={summary.hidden.atCap} onShow={onShow} what="calls at the cap" />}
      />
      <Stat
        testId="summary-cl-conflicts"
        label="Contact Lens conflicts"
        value={summary.clConflicts}
        tone={summary.clConflicts > 0 ? 'critical' : undefined}
        note={<HiddenNote ids={summary.hidden.clConflicts} onShow={onShow} what="Contact Lens conflicts" />}
      />
      <LongestHold
        since={summary.longestHoldSince}
        longHoldSeconds={longHoldSeconds}
        hiddenOn={summary.hidden.longestHold}
        onShow={onShow}
      />
    </section>
  );
}
