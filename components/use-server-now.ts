import { useSyncExternalStore } from 'react';
import { estimateServerNow, type ServerClock } from '@/lib/board/time';

/**
 * The page's one 1 s ticker, on the sidecar's clock. Components that show running times read it;
 * the data layer corrects it with each message's server time. Nothing re-renders between ticks.
 */
let offsetMs = 0;
let now = 0;
let clientNow = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick(): void {
  clientNow = Date.now();
  now = clientNow + offsetMs;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    clientNow = Date.now();
    now = clientNow + offsetMs;
    timer = setInterval(tick, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const subscribeNever = () => () => {};

/** Sets the ticker to the sidecar's clock, from a message's server time and its arrival here. */
export function syncServerClock(clock: ServerClock): void {
  const at = Date.now();
  const next = estimateServerNow(clock, at) - at;
  const jump = Math.abs(next - offsetMs) > 1_000;
  offsetMs = next;
  // A replayed centre runs on its recording's clock: show it at once rather than on the next tick.
  if (jump && timer) tick();
}

/**
 * Server time now, at 1 s resolution. With `live` false the value is read at render without
 * subscribing, so a component that needs time only now and then does not re-render every second.
 */
export function useServerNow(live = true): number {
  return useSyncExternalStore(
    live ? subscribe : subscribeNever,
    () => now,
    () => 0,
  );
}

/** This browser's clock on the same 1 s ticker (for "data from N seconds ago"). */
export function useClientNow(live = true): number {
  return useSyncExternalStore(
    live ? subscribe : subscribeNever,
    () => clientNow,
    () => 0,
  );
}
