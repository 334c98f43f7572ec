import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScrubberEvent } from '@/lib/reports/picture-at';
import {
  advance,
  nextEventAt,
  previousEventAt,
  type ReplayBounds,
  type ReplaySpeed,
} from '@/lib/reports/replay-playback';

/** How often playback moves the moment on: ten frames a second is smooth for a graph of parties. */
const TICK_MS = 100;

export type Playback = {
  /** The moment shown (epoch ms), or null before the replay has loaded. */
  at: number | null;
  playing: boolean;
  speed: ReplaySpeed;
  toggle(): void;
  seek(t: number): void;
  next(): void;
  previous(): void;
  toStart(): void;
  toEnd(): void;
  setSpeed(speed: ReplaySpeed): void;
};

/**
 * The replay's clock: the moment shown, play and pause at a speed, and steps from event to event.
 * It starts at `startAt` (a link may name a moment) or the beginning, and stops at the end; play
 * at the end starts again from the beginning.
 */
export function usePlayback(
  bounds: ReplayBounds | null,
  events: readonly ScrubberEvent[],
  startAt: number | null,
): Playback {
  const [chosen, setChosen] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<ReplaySpeed>(1);
  const clamp = useCallback(
    (t: number) => (bounds ? Math.min(bounds.end, Math.max(bounds.start, t)) : t),
    [bounds],
  );
  const at = bounds ? clamp(chosen ?? startAt ?? bounds.start) : null;
  // The moment as the ticking interval last set it (state is read in callbacks, not during render).
  const current = useRef<number | null>(null);

  useEffect(() => {
    if (!playing || !bounds) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const next = advance(current.current ?? bounds.start, now - last, speed, bounds);
      last = now;
      current.current = next;
      setChosen(next);
      if (next >= bounds.end) setPlaying(false);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, bounds]);

  const seek = useCallback(
    (t: number) => {
      const next = clamp(t);
      current.current = next;
      setChosen(next);
    },
    [clamp],
  );

  return {
    at,
    playing,
    speed,
    seek,
    setSpeed,
    toggle() {
      if (!bounds || at === null) return;
      if (!playing && at >= bounds.end) seek(bounds.start);
      else current.current = at;
      setPlaying(!playing);
    },
    next() {
      if (!bounds || at === null) return;
      seek(nextEventAt(events, at) ?? bounds.end);
    },
    previous() {
      if (!bounds || at === null) return;
      seek(previousEventAt(events, at) ?? bounds.start);
    },
    toStart() {
      if (bounds) seek(bounds.start);
    },
    toEnd() {
      if (bounds) seek(bounds.end);
    },
  };
}
