import { expect, test } from 'vitest';
import type { BoardPatch } from '@/lib/realtime';
import { fillFrame, planReplay, type RecordedFrame } from './pipeline-replay';

const T = Date.parse('2026-11-23T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
/** The sidecar step's posts, 20 ms apart; the bare step's posts of the same ordinals, a minute later. */
const sidecarPosts = [T, T + 20, T + 40];
const barePosts = sidecarPosts.map((t) => iso(t + 60_000 + 3));

function patch(seq: number, changes: { id: string; lastEventAt: string }[]): BoardPatch {
  return { seq, serverTime: iso(T + 5), upserts: [], changes, removed: [], alerts: [], acks: [] };
}

test('a frame goes out with the newest post it answers, its post times those of the bare step, same bytes', () => {
  const recorded: RecordedFrame = {
    at: T + 45,
    patch: patch(41, [
      { id: 'pipe-conf-1', lastEventAt: iso(sidecarPosts[0]!) },
      { id: 'pipe-conf-2', lastEventAt: iso(sidecarPosts[1]!) },
    ]),
  };
  const before = JSON.stringify(recorded.patch);
  const plan = planReplay({ frames: [recorded], postTimes: sidecarPosts });
  expect([...plan.keys()]).toEqual([1]);
  const out = fillFrame(plan.get(1)![0]!, (k) => barePosts[k]!, iso(T + 99_999));
  expect(out).toEqual({
    ...patch(41, [
      { id: 'pipe-conf-1', lastEventAt: barePosts[0]! },
      { id: 'pipe-conf-2', lastEventAt: barePosts[1]! },
    ]),
    serverTime: iso(T + 99_999),
  });
  expect(JSON.stringify(out)).toHaveLength(before.length);
});

test('post times are found anywhere in a frame (a whole card), and other times are left alone', () => {
  const card = { id: 'pipe-conf-3', startedAt: iso(T - 60_000), lastEventAt: iso(sidecarPosts[2]!) };
  const recorded: RecordedFrame = {
    at: T + 50,
    patch: { ...patch(42, []), upserts: [card] as unknown as BoardPatch['upserts'] },
  };
  const frame = planReplay({ frames: [recorded], postTimes: sidecarPosts }).get(2)![0]!;
  const out = fillFrame(frame, (k) => barePosts[k]!, iso(T));
  expect(out.upserts[0]).toEqual({ ...card, lastEventAt: barePosts[2] });
});

test('a frame that carries no post time goes out with the last post sent before it arrived', () => {
  const frames: RecordedFrame[] = [
    { at: T - 1, patch: patch(1, []) },
    { at: T + 25, patch: patch(2, []) },
    { at: T + 500, patch: patch(3, []) },
  ];
  const plan = planReplay({ frames, postTimes: sidecarPosts });
  expect([...plan].map(([ordinal, fs]) => [ordinal, fs.map((f) => f.patch.seq)])).toEqual([
    [0, [1]],
    [1, [2]],
    [2, [3]],
  ]);
});
