import type { BoardPatch } from '@/lib/realtime';

/**
 * The bare server's anchor: the frames one socket.io client received from the sidecar during a step,
 * pushed again at the same points of the same load. A frame goes out when the post it answers
 * arrives (the newest post whose time it carries), with every post time in it replaced by the time
 * of the bare step's post of the same ordinal: the same bytes, so that the latencies measured on the
 * bare side are its own.
 */

/** A patch one sidecar client received, and when (wall clock). */
export type RecordedFrame = { at: number; patch: BoardPatch };

/** A step on the sidecar as the bare server replays it: its frames and its posts' times. */
export type Recording = { frames: RecordedFrame[]; postTimes: number[] };

type Slot = { holder: Record<string, unknown> | unknown[]; key: string | number; ordinal: number };

/** One frame to push again, with the places that carry a post time. */
export type ReplayFrame = { patch: BoardPatch; slots: Slot[] };

const iso = (ms: number) => new Date(ms).toISOString();

/** The recorded frames, grouped by the ordinal of the post that lets each go out. */
export function planReplay(recording: Recording): Map<number, ReplayFrame[]> {
  const ordinals = new Map(recording.postTimes.map((t, i) => [iso(t), i]));
  const plan = new Map<number, ReplayFrame[]>();
  for (const { at, patch } of recording.frames) {
    const slots: Slot[] = [];
    for (const key of ['upserts', 'changes', 'removed', 'alerts', 'acks'] as const)
      findSlots(patch[key], ordinals, slots);
    const trigger =
      slots.length > 0 ? Math.max(...slots.map((s) => s.ordinal)) : lastPostBefore(recording.postTimes, at);
    const frames = plan.get(trigger) ?? [];
    frames.push({ patch, slots });
    plan.set(trigger, frames);
  }
  return plan;
}

function findSlots(node: unknown, ordinals: Map<string, number>, slots: Slot[]): void {
  if (Array.isArray(node) || (typeof node === 'object' && node !== null)) {
    const holder = node as Record<string, unknown>;
    for (const key of Object.keys(holder)) {
      const value = holder[key];
      const ordinal = typeof value === 'string' ? ordinals.get(value) : undefined;
      if (ordinal !== undefined)
        slots.push({ holder, key: Array.isArray(node) ? Number(key) : key, ordinal });
      else findSlots(value, ordinals, slots);
    }
  }
}

/** The ordinal of the last post sent at or before `at` (0 before the first). */
function lastPostBefore(postTimes: readonly number[], at: number): number {
  let found = 0;
  for (let i = 0; i < postTimes.length && postTimes[i]! <= at; i++) found = i;
  return found;
}

/**
 * Fills a frame for pushing: each post time becomes `postTime(ordinal)` (an ISO string of the same
 * length), and `serverTime` the bare server's clock. Mutates the frame; each is pushed once.
 */
export function fillFrame(
  frame: ReplayFrame,
  postTime: (ordinal: number) => string,
  serverTime: string,
): BoardPatch {
  for (const slot of frame.slots)
    (slot.holder as Record<string | number, unknown>)[slot.key] = postTime(slot.ordinal);
  frame.patch.serverTime = serverTime;
  return frame.patch;
}
