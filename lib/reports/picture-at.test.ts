import { describe, expect, test } from 'vitest';
import { sec } from '@/lib/conference/test-helpers/builders';
import { pictureAt, scrubberEvents } from './picture-at';
import { finalView, liveViewAt, sixPartyScript } from './test-helpers/scripted-call';

const events = sixPartyScript();
const final = finalView(events);
/** Every moment something happens, the moments just before each, and a few in between. */
const moments = [...new Set(events.flatMap((e) => [e.at - 1, e.at, e.at + 2_500]))]
  .filter((t) => t >= sec(0))
  .sort((a, b) => a - b);

describe('replay: the picture of an ended call at a moment', () => {
  test('R22 each party and its state equal the live view folded up to that moment', () => {
    for (const t of moments) {
      const live = liveViewAt(events, t);
      const picture = pictureAt(final, t);
      const shown = picture.parties.filter((p) => p.state !== 'absent');
      expect(
        shown.map((p) => [p.id, p.state]),
        `at ${t - sec(0)} ms`,
      ).toEqual(live.participants.map((p) => [p.id, p.state]));
      expect(picture.counted, `count at ${t - sec(0)} ms`).toBe(live.activeParticipants);
      expect(picture.cap).toBe(live.cap);
    }
  });

  test('A1 A2 the alerts standing, and R10 who hears whom, equal the live derivation', () => {
    for (const t of moments) {
      const live = liveViewAt(events, t);
      const picture = pictureAt(final, t);
      if (live.state === 'ended') continue;
      expect(picture.alerts.map((a) => a.kind).sort(), `alerts at ${t - sec(0)} ms`).toEqual(
        live.alerts.map((a) => a.kind).sort(),
      );
    }
    // 100 s: the caller is held (consult), Alice and Bob talk.
    const consult = pictureAt(final, sec(100));
    expect(consult.audio).toEqual([
      { listener: 'a:root-1', speaker: 'a:t1' },
      { listener: 'a:t1', speaker: 'a:root-1' },
    ]);
    expect(consult.alerts.map((a) => a.kind)).toEqual(['contact-lens-conflict']);
    // 220 s: the caller is muted; five on the bridge hear each other, nobody hears the caller.
    const muted = pictureAt(final, sec(220));
    expect(muted.parties.find((p) => p.id === 'c:root-1')!.muted).toBe(true);
    expect(muted.audio.some((a) => a.speaker === 'c:root-1')).toBe(false);
    expect(muted.audio.filter((a) => a.listener === 'c:root-1')).toHaveLength(4);
  });

  test('a party not yet dialled is absent; times after the moment are not shown', () => {
    const early = pictureAt(final, sec(30));
    expect(early.parties.find((p) => p.id === 'a:t1')).toMatchObject({ state: 'absent', joinedAt: null });
    expect(early.parties.find((p) => p.id === 'a:root-1')).toMatchObject({
      state: 'connected',
      leftAt: null,
    });
    expect(pictureAt(final, sec(305)).parties.every((p) => p.state === 'disconnected')).toBe(true);
  });

  test('the scrubber lists every timeline mark in time order', () => {
    const marks = scrubberEvents(final);
    expect(marks.length).toBe(final.timeline.length);
    expect(marks.map((m) => m.at)).toEqual([...marks.map((m) => m.at)].sort((a, b) => a - b));
    expect(marks.filter((m) => m.kind === 'hold').map((m) => m.at)).toEqual([sec(60)]);
    expect(marks.filter((m) => m.alert === 'cap-reached').map((m) => [m.kind, m.at])).toEqual([
      ['alert-raised', sec(140)],
      ['alert-cleared', sec(200)],
    ]);
  });
});
