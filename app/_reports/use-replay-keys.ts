import { useEffect } from 'react';
import type { Playback } from './use-playback';

/** Whether a key press belongs to the control that has focus (typing, choosing, pressing a button). */
function ownedByControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return target.type !== 'range';
  // Space presses a focused button or link; the arrows and Home/End stay the replay's.
  return key === ' ' && (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement);
}

/**
 * The replay's keys, anywhere on the page: space plays or pauses, the arrows step to the previous
 * or next event (on the scrubber too, instead of nudging it), Home and End go to either end.
 */
export function useReplayKeys(playback: Playback): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (ownedByControl(event.target, event.key)) return;
      const action = {
        ' ': playback.toggle,
        ArrowRight: playback.next,
        ArrowLeft: playback.previous,
        Home: playback.toStart,
        End: playback.toEnd,
      }[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [playback]);
}
