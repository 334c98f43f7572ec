import type { TimelineKind } from '@/lib/conference';
import type { TimelineItem } from '@/lib/board/timeline';
import { formatClock } from '@/lib/board/time';
import {
  IconCheck,
  IconCross,
  IconLeft,
  IconLock,
  IconMicOff,
  IconPause,
  IconRinging,
  IconSpeaker,
  IconWarning,
} from './icons';
import styles from './timeline.module.css';

const MARK: Record<TimelineKind, typeof IconCheck> = {
  dialing: IconRinging,
  joined: IconCheck,
  left: IconLeft,
  hold: IconPause,
  resume: IconCheck,
  muted: IconMicOff,
  unmuted: IconSpeaker,
  'force-muted': IconLock,
  'force-unmuted': IconLock,
  'alert-raised': IconWarning,
  'alert-cleared': IconCheck,
  ended: IconCross,
};

/** Joins, leaves, holds, mutes and alerts with their times, in the order given (newest first). */
export function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <ol className={styles.timeline} data-testid="timeline">
      {items.map((item) => {
        const Mark = MARK[item.kind];
        return (
          <li key={item.key} data-timeline-kind={item.kind} className={styles.event}>
            <time dateTime={item.at} className={styles.eventTime}>
              {formatClock(item.at, true)}
            </time>
            <span className={styles.eventMark} data-kind={item.kind}>
              <Mark />
            </span>
            <span>{item.text}</span>
          </li>
        );
      })}
    </ol>
  );
}
