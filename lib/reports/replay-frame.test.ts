import { describe, expect, test } from 'vitest';
import { describeAudio, type AudioRow } from '@/lib/board/audio';
import { layoutParticipants, type GraphLayout } from '@/lib/board/graph';
import { sec } from '@/lib/conference/test-helpers/builders';
import { collectPictureChanges } from './picture-changes';
import { replayFrame } from './replay-frame';
import { finalView, liveViewAt, sixPartyScript } from './test-helpers/scripted-call';
import { run } from '@/lib/conference/test-helpers/run';

const events = sixPartyScript();
const final = finalView(events);
const record = run(events).conferences.get('root-1')!;
const changes = collectPictureChanges('root-1', record.mode, record.facts);
const moments = [...new Set(events.flatMap((e) => [e.at, e.at + 1_000, e.at + 7_000]))].sort((a, b) => a - b);

/** Each node of a layout by group, with what the graph draws of it. */
const drawn = (layout: GraphLayout) =>
  Object.fromEntries(
    (['customer', 'parties', 'supervisors', 'gone'] as const).map((group) => [
      group,
      [layout[group]].flat().flatMap((n) => (n ? [[n.id, n.state, n.mute, n.fadeLeftMs]] : [])),
    ]),
  );

describe('the replay frame: the detail page of the live call, redrawn at a moment', () => {
  test('R22 R2 the graph, its fades and mutes equal the live layout at every moment', () => {
    for (const t of moments) {
      const live = liveViewAt(events, t);
      const frame = replayFrame(final, changes, t);
      const expected = layoutParticipants(live.participants, t, { gone: 'apart' });
      expect(drawn(frame.layout), `at ${(t - sec(0)) / 1000} s`).toEqual(drawn(expected));
    }
  });

  test('R1 R10 A2 the cap meter, who hears whom and the alerts follow the moment', () => {
    for (const t of moments) {
      const live = liveViewAt(events, t);
      if (live.state === 'ended') continue;
      const frame = replayFrame(final, changes, t);
      expect(frame.counted, `count at ${(t - sec(0)) / 1000} s`).toBe(live.activeParticipants);
      expect(frame.cap).toBe(live.cap);
      // Names may differ: the record knows a name the live view had not learned yet at the moment.
      const paths = (rows: AudioRow[]) => rows.map((r) => [r.id, r.hearsIds, r.note]);
      expect(paths(frame.audio)).toEqual(paths(describeAudio(live.mode, live.participants)));
      expect(frame.alerts.map((a) => a.kind).sort()).toEqual(live.alerts.map((a) => a.kind).sort());
    }
    // 220 s: five counted (x2 left at 200 s), the caller muted and heard by nobody.
    const muted = replayFrame(final, changes, sec(220));
    expect(muted.counted).toBe(5);
    expect(muted.audio.find((r) => r.id === 'c:root-1')).toMatchObject({ note: 'muted: nobody hears them' });
  });

  test('before the first dial only the caller is drawn; after the end everyone has left', () => {
    const first = replayFrame(final, changes, sec(0));
    expect(first.layout.customer?.id).toBe('c:root-1');
    expect(first.layout.parties).toEqual([]);
    const after = replayFrame(final, null, sec(400));
    expect(after.counted).toBe(0);
    expect(after.alerts).toEqual([]);
    expect(after.audio).toEqual([]);
    expect(after.layout.customer).toBeNull();
    expect(after.layout.gone.map((n) => n.id).sort()).toEqual(final.participants.map((p) => p.id).sort());
    expect(after.layout.gone.every((n) => n.state === 'disconnected')).toBe(true);
  });
});
