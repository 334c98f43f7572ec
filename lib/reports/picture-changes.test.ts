import { describe, expect, test } from 'vitest';
import { toEngineParticipant } from '@/lib/board/audio';
import { deriveAudioPaths, type DomainEvent } from '@/lib/conference';
import { ccp, connection, contact, leg, ROOT, sec } from '@/lib/conference/test-helpers/builders';
import { run, viewOf } from '@/lib/conference/test-helpers/run';
import { collectPictureChanges, pictureChangesOf } from './picture-changes';
import { pictureAt } from './picture-at';
import { liveViewAt } from './test-helpers/scripted-call';

/** A supervisor listens silently, then barges; the caller is muted and force-muted on the way. */
const events: DomainEvent[] = [
  contact('INITIATED', sec(0)),
  contact('CONNECTED_TO_AGENT', sec(2), { agent: 'alice' }),
  contact('INITIATED', sec(10), leg('m1', 'MONITOR')),
  contact('CONNECTED_TO_AGENT', sec(11), { ...leg('m1', 'MONITOR'), agent: 'sue' }),
  ccp('alice', sec(20), [
    connection('customer', 'connected', { connectionId: 'k1', muted: false }),
    connection('supervisor', 'connected', { connectionId: 'k2', agent: 'sue', monitorMode: 'silent' }),
  ]),
  ccp('alice', sec(40), [
    connection('customer', 'connected', { connectionId: 'k1', muted: true }),
    connection('supervisor', 'connected', { connectionId: 'k2', agent: 'sue', monitorMode: 'barge' }),
  ]),
  ccp('alice', sec(50), [
    connection('customer', 'connected', { connectionId: 'k1', muted: true, forcedMute: true }),
  ]),
  ccp('alice', sec(60), [
    connection('customer', 'connected', { connectionId: 'k1', muted: false, forcedMute: false }),
  ]),
  contact('DISCONNECTED', sec(70), leg('m1', 'MONITOR')),
  contact('DISCONNECTED', sec(80)),
  contact('COMPLETED', sec(80), { acwAt: sec(80) }),
];
const state = run(events);
const final = viewOf(state, sec(200));
const changes = pictureChangesOf(state, [ROOT]).get(ROOT)!;
const moments = [...new Set(events.flatMap((e) => [e.at, e.at + 1_000]))].sort((a, b) => a - b);

const toggles = (
  parties: readonly {
    id: string;
    state: string;
    muted: unknown;
    forcedMute: unknown;
    monitorMode: unknown;
  }[],
) =>
  parties
    .filter((p) => p.state !== 'absent')
    .map((p) => [p.id, p.state, p.muted, p.forcedMute, p.monitorMode]);

describe('replay: picture changes kept beside the history record', () => {
  test('R10 mute, forced mute and monitor mode at each moment equal the live view, and so does who hears whom', () => {
    for (const t of moments) {
      const live = liveViewAt(events, t);
      const picture = pictureAt(final, t, changes);
      expect(toggles(picture.parties), `at ${t - sec(0)} ms`).toEqual(toggles(live.participants));
      const livePaths = deriveAudioPaths(
        live.mode,
        live.participants.filter((p) => p.state !== 'disconnected').map(toEngineParticipant),
      );
      expect(picture.audio, `audio at ${t - sec(0)} ms`).toEqual(livePaths);
    }
  });

  test('without them the record alone draws the supervisor barging from the start, and mute as known', () => {
    const bare = pictureAt(final, sec(30));
    expect(bare.parties.find((p) => p.id === 's:m1')!.monitorMode).toBe('barge');
    expect(pictureAt(final, sec(30), changes).parties.find((p) => p.id === 's:m1')!.monitorMode).toBe(
      'silent',
    );
    expect(pictureAt(final, sec(5)).parties.find((p) => p.id === `c:${ROOT}`)!.muted).toBe(false);
    expect(pictureAt(final, sec(5), changes).parties.find((p) => p.id === `c:${ROOT}`)!.muted).toBeNull();
  });

  test('changes are noted with the time of the fact that made them, once each', () => {
    expect(changes.filter((c) => c.party === 's:m1')).toEqual([
      { at: sec(20), party: 's:m1', field: 'monitorMode', value: 'silent' },
      { at: sec(40), party: 's:m1', field: 'monitorMode', value: 'barge' },
    ]);
    expect(changes.filter((c) => c.field === 'forcedMute').map((c) => [c.at - sec(0), c.value])).toEqual([
      [50_000, true],
      [60_000, false],
    ]);
    expect(collectPictureChanges(ROOT, 'multi-party', [])).toEqual([]);
  });
});
