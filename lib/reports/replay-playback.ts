import type { ConferenceView, TimelineKind } from '@/lib/conference';
import { describeTimeline } from '@/lib/board/timeline';
import type { ScrubberEvent } from './picture-at';

/** The speeds the replay plays at: once, four and sixteen times as fast as the call went. */
export const REPLAY_SPEEDS = [1, 4, 16] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** The stretch the scrubber covers: the call's whole duration, from its first mark to its end. */
export type ReplayBounds = { start: number; end: number };

export function replayBounds(view: ConferenceView, events: readonly ScrubberEvent[]): ReplayBounds {
  const started = Date.parse(view.startedAt);
  const start = Math.min(started, ...events.map((e) => e.at));
  const ended = view.endedAt === null ? Date.parse(view.lastEventAt) : Date.parse(view.endedAt);
  const end = Math.max(start, ended, ...events.map((e) => e.at));
  return { start, end };
}

/** The first event after `t`, or null when none is left. */
export function nextEventAt(events: readonly ScrubberEvent[], t: number): number | null {
  for (const e of events) if (e.at > t) return e.at;
  return null;
}

/** The last event before `t`, or null when there is none. */
export function previousEventAt(events: readonly ScrubberEvent[], t: number): number | null {
  let found: number | null = null;
  for (const e of events) {
    if (e.at >= t) break;
    found = e.at;
  }
  return found;
}

/** Where playback stands after `elapsedMs` of wall time at `speed`, never past the end. */
export function advance(t: number, elapsedMs: number, speed: number, bounds: ReplayBounds): number {
  return Math.min(bounds.end, Math.max(bounds.start, t + elapsedMs * speed));
}

/** The scrubber's mark groups: what a mark's shape and colour stand for. */
export type MarkGroup = 'join' | 'leave' | 'hold' | 'mute' | 'alert' | 'end';

const GROUP: Record<TimelineKind, MarkGroup> = {
  dialing: 'join',
  joined: 'join',
  left: 'leave',
  hold: 'hold',
  resume: 'hold',
  muted: 'mute',
  unmuted: 'mute',
  'force-muted': 'mute',
  'force-unmuted': 'mute',
  'alert-raised': 'alert',
  'alert-cleared': 'alert',
  ended: 'end',
};

/** One mark on the scrubber: where along it (0 to 1), what kind, and what happened in words. */
export type ScrubberMark = { key: string; at: number; position: number; group: MarkGroup; text: string };

/** Every event of the call as a mark, in time order, worded as the detail page's timeline. */
export function scrubberMarks(view: ConferenceView, bounds: ReplayBounds): ScrubberMark[] {
  const span = Math.max(1, bounds.end - bounds.start);
  return describeTimeline(view, 'oldest')
    .map((item) => {
      const at = Date.parse(item.at);
      return {
        key: item.key,
        at,
        position: Math.min(1, Math.max(0, (at - bounds.start) / span)),
        group: GROUP[item.kind],
        text: item.text,
      };
    })
    .sort((a, b) => a.at - b.at);
}
