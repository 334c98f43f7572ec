import type { ReactNode } from 'react';
import { SUMMARY_SIZES, sizeBars, type BoardSummary } from '@/lib/board/summary';
import { formatDuration } from '@/lib/board/time';
import { SizeChart } from './size-chart';
import { useServerNow } from './use-server-now';
import styles from './summary-strip.module.css';

function Stat(props: {
  testId: string;
  label: string;
  value: ReactNode;
  tone?: 'critical' | 'warning' | 'ok';
}) {
  return (
    <div className={styles.stat} data-testid={props.testId} data-tone={props.tone}>
      <span className={styles.value}>{props.value}</span>
      <span className={styles.label}>{props.label}</span>
    </div>
  );
}

function LongestHold({ since, longHoldSeconds }: { since: string | null; longHoldSeconds: number }) {
  const now = useServerNow(since !== null);
  const ms = since === null || now === 0 ? null : now - Date.parse(since);
  return (
    <Stat
      testId="summary-longest-hold"
      label="Longest customer hold"
      tone={ms !== null && ms >= longHoldSeconds * 1000 ? 'warning' : undefined}
      value={
        ms === null ? (
          <span className={styles.none}>none</span>
        ) : (
          <span className="tabular">{formatDuration(ms)}</span>
        )
      }
    />
  );
}

/** The whole live board in numbers, big enough for a wallboard; every number is text. */
export function SummaryStrip({
  summary,
  longHoldSeconds,
}: {
  summary: BoardSummary;
  longHoldSeconds: number;
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
      />
      <Stat
        testId="summary-cl-conflicts"
        label="Contact Lens conflicts"
        value={summary.clConflicts}
        tone={summary.clConflicts > 0 ? 'critical' : undefined}
      />
      <LongestHold since={summary.longestHoldSince} longHoldSeconds={longHoldSeconds} />
    </section>
  );
}
