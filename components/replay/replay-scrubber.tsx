import { formatDuration } from '@/lib/board/time';
import type { MarkGroup, ReplayBounds, ScrubberMark } from '@/lib/reports/replay-playback';
import styles from './replay.module.css';

export const MARK_WORD: Record<MarkGroup, string> = {
  join: 'Joins',
  leave: 'Leaves',
  hold: 'Holds',
  mute: 'Mutes',
  alert: 'Alerts',
  end: 'End',
};

/**
 * The call's whole duration as a slider, its events marked beneath it (each kind its own shape
 * and colour, with the legend); a mark clicked goes to its moment.
 */
export function ReplayScrubber(p: {
  bounds: ReplayBounds;
  at: number;
  marks: ScrubberMark[];
  onSeek: (t: number) => void;
}) {
  const duration = p.bounds.end - p.bounds.start;
  const offset = p.at - p.bounds.start;
  return (
    <div className={styles.scrubber}>
      <input
        type="range"
        className={styles.range}
        min={0}
        max={duration}
        step={1}
        value={offset}
        aria-label="Moment of the call"
        aria-valuetext={`${formatDuration(offset)} of ${formatDuration(duration)}`}
        data-testid="replay-scrubber"
        onChange={(e) => p.onSeek(p.bounds.start + Number(e.target.value))}
      />
      <ol className={styles.marks} aria-label="Events of the call">
        {p.marks.map((m) => (
          <li key={m.key} style={{ left: `${m.position * 100}%` }} data-group={m.group}>
            <button
              type="button"
              tabIndex={-1}
              className={styles.mark}
              data-group={m.group}
              data-at={m.at}
              title={`${formatDuration(m.at - p.bounds.start)} · ${m.text}`}
              aria-label={`${formatDuration(m.at - p.bounds.start)}: ${m.text}`}
              onClick={() => p.onSeek(m.at)}
            />
          </li>
        ))}
      </ol>
      <ul className={styles.legend} aria-hidden="true">
        {(Object.keys(MARK_WORD) as MarkGroup[]).map((g) => (
          <li key={g}>
            <span className={styles.mark} data-group={g} /> {MARK_WORD[g]}
          </li>
        ))}
      </ul>
    </div>
  );
}
