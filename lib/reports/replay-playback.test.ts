import { expect, test } from 'vitest';
import { sec } from '@/lib/conference/test-helpers/builders';
import { scrubberEvents } from './picture-at';
import { advance, nextEventAt, previousEventAt, replayBounds, scrubberMarks } from './replay-playback';
import { finalView, sixPartyScript } from './test-helpers/scripted-call';

const view = finalView(sixPartyScript());
const events = scrubberEvents(view);
const bounds = replayBounds(view, events);

test('the scrubber covers the whole call, from its start to its end', () => {
  expect(bounds).toEqual({ start: sec(0), end: sec(300) });
});

test('stepping goes to the next and previous event, and stops at either end', () => {
  const times = [...new Set(events.map((e) => e.at))];
  expect(nextEventAt(events, bounds.start)).toBe(times[1]);
  expect(nextEventAt(events, times[3]!)).toBe(times[4]);
  expect(nextEventAt(events, times[3]! - 1)).toBe(times[3]);
  expect(previousEventAt(events, times[3]!)).toBe(times[2]);
  expect(previousEventAt(events, times[3]! + 1)).toBe(times[3]);
  expect(nextEventAt(events, bounds.end)).toBeNull();
  expect(previousEventAt(events, bounds.start)).toBeNull();
});

test('playback moves at 1×, 4× and 16× and never leaves the call', () => {
  expect(advance(sec(10), 500, 1, bounds)).toBe(sec(10) + 500);
  expect(advance(sec(10), 500, 4, bounds)).toBe(sec(12));
  expect(advance(sec(10), 500, 16, bounds)).toBe(sec(18));
  expect(advance(sec(299), 1_000, 16, bounds)).toBe(bounds.end);
  expect(advance(bounds.start - 5, 0, 1, bounds)).toBe(bounds.start);
});

test('marks: every event in time order, placed along the scrubber and worded', () => {
  const marks = scrubberMarks(view, bounds);
  expect(marks).toHaveLength(view.timeline.length);
  expect(marks.map((m) => m.at)).toEqual([...marks.map((m) => m.at)].sort((a, b) => a - b));
  expect(marks[0]!.position).toBe(0);
  expect(marks.at(-1)!.position).toBe(1);
  expect(marks.filter((m) => m.group === 'end')).toMatchObject([
    { position: 1, text: 'The conference ended' },
  ]);
  const groups = new Set(marks.map((m) => m.group));
  for (const group of ['join', 'leave', 'hold', 'mute', 'alert'] as const) expect(groups).toContain(group);
  expect(marks.find((m) => m.group === 'alert')?.text).toMatch(
    /^Alert raised: Contact Lens conflict \(A2\)$/,
  );
});
