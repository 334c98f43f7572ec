import { formatDuration } from '@/lib/board/time';
import { REPLAY_SPEEDS, type ReplaySpeed } from '@/lib/reports/replay-playback';
import styles from './replay.module.css';

type Props = {
  offsetMs: number;
  durationMs: number;
  /** The moment as the wall clock read it, in words. */
  clock: string;
  playing: boolean;
  speed: ReplaySpeed;
  onToggle: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onStart: () => void;
  onEnd: () => void;
  onSpeed: (speed: ReplaySpeed) => void;
};

/** Play and pause, the speeds, steps from event to event, and where in the call the replay is. */
export function ReplayControls(p: Props) {
  return (
    <div className={styles.controls} role="group" aria-label="Replay controls">
      <button type="button" className="button" onClick={p.onStart} aria-keyshortcuts="Home">
        Start
      </button>
      <button type="button" className="button" onClick={p.onPrevious} aria-keyshortcuts="ArrowLeft">
        ◀ Previous event
      </button>
      <button
        type="button"
        className={`button ${styles.play}`}
        onClick={p.onToggle}
        aria-keyshortcuts="Space"
        data-testid="replay-play"
        data-playing={p.playing}
      >
        {p.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" className="button" onClick={p.onNext} aria-keyshortcuts="ArrowRight">
        Next event ▶
      </button>
      <button type="button" className="button" onClick={p.onEnd} aria-keyshortcuts="End">
        End
      </button>
      <fieldset className={styles.speeds}>
        <legend className="visually-hidden">Speed</legend>
        {REPLAY_SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            className="button"
            aria-pressed={p.speed === s}
            onClick={() => p.onSpeed(s)}
          >
            {s}×
          </button>
        ))}
      </fieldset>
      <p className={styles.position} aria-live="off" data-testid="replay-position">
        <span className="tabular">
          {formatDuration(p.offsetMs)} / {formatDuration(p.durationMs)}
        </span>
        <span className={styles.clock}>{p.clock}</span>
      </p>
    </div>
  );
}
