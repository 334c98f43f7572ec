import { formatDuration } from '@/lib/board/time';
import type { ScrubberMark } from '@/lib/reports/replay-playback';
import styles from './replay.module.css';

/** What happened on the call, in order, the events up to the moment shown in full and the latest marked. */
export function ReplayEvents(p: {
  marks: ScrubberMark[];
  start: number;
  at: number;
  onSeek: (t: number) => void;
}) {
  const latest = p.marks.findLastIndex((m) => m.at <= p.at);
  return (
    <ol className={styles.events} data-testid="replay-events">
      {p.marks.map((m, i) => (
        <li
          key={m.key}
          data-group={m.group}
          data-past={m.at <= p.at}
          aria-current={i === latest ? 'step' : undefined}
        >
          <button type="button" className={styles.eventButton} onClick={() => p.onSeek(m.at)}>
            <span className={styles.mark} data-group={m.group} aria-hidden="true" />
            <span className="tabular">{formatDuration(m.at - p.start)}</span>
            <span>{m.text}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
