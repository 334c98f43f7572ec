import type { z } from 'zod';
import {
  deriveAudioPaths,
  type AlertView,
  type AudioPath,
  type ConferenceView,
  type ParticipantState,
  type ParticipantView,
} from '@/lib/conference';
import { toEngineParticipant } from '@/lib/board/audio';
import { isCountedParty } from './counted-parties';
import { valueAt, type PictureChange, type PictureField } from './picture-changes';
import type { ScrubberEventSchema } from './report-responses';

/** A party's state at a moment of a replay: as the board shows it, or not on the call yet. */
export type PictureState = ParticipantState | 'absent';

/** A party as it was at the moment: the served shape, its state, mute and times as of then. */
export type PictureParty = Omit<ParticipantView, 'state'> & { state: PictureState };

/** The participant graph of an ended call at one moment, for the replay view. */
export type Picture = {
  at: number;
  parties: PictureParty[];
  /** Counted parties at the moment, against the cap (the cap meter). */
  counted: number;
  cap: number;
  alerts: AlertView[];
  /** Who hears whom among the parties on the call, from the engine's own derivation. */
  audio: AudioPath[];
};

/** A mark on the replay's scrubber. */
export type ScrubberEvent = z.infer<typeof ScrubberEventSchema>;

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));
const within = (t: number, from: number, to: number | null) => from <= t && (to === null || t < to);

function stateAt(p: ParticipantView, t: number): PictureState {
  const left = ms(p.leftAt);
  if (left !== null && t >= left) return 'disconnected';
  const joined = ms(p.joinedAt);
  if (joined !== null && t >= joined) {
    return p.holds.some((h) => within(t, Date.parse(h.from), ms(h.to))) ? 'hold' : 'connected';
  }
  const dialing = ms(p.dialingAt);
  return dialing !== null && t >= dialing ? 'dialing' : 'absent';
}

/** Forced mute at `t` from the timeline's force-mute marks; unknown before the first of them. */
function forcedMuteAt(view: ConferenceView, p: ParticipantView, t: number): boolean | null {
  let state: boolean | null = p.forcedMute === null ? null : false;
  for (const e of view.timeline) {
    if (e.participantId !== p.id || Date.parse(e.at) > t) continue;
    if (e.kind === 'force-muted') state = true;
    if (e.kind === 'force-unmuted') state = false;
  }
  return state;
}

/** Mute, forced mute and monitor mode from the record alone (see `PictureChange` for what it lacks). */
function togglesFromRecord(view: ConferenceView, p: ParticipantView, state: PictureState, t: number) {
  if (state === 'absent') return { muted: null, forcedMute: null, monitorMode: null };
  if (state === 'disconnected')
    return { muted: p.muted, forcedMute: p.forcedMute, monitorMode: p.monitorMode };
  const muted = p.mutes.some((m) => within(t, Date.parse(m.from), ms(m.to)));
  return {
    muted: muted ? true : p.muted === null ? null : false,
    forcedMute: forcedMuteAt(view, p, t),
    monitorMode: p.monitorMode,
  };
}

/** A party at moment `t`: its state, mute and times as they stood then. */
function partyAt(
  view: ConferenceView,
  p: ParticipantView,
  t: number,
  changes: readonly PictureChange[] | undefined,
): PictureParty {
  const state = stateAt(p, t);
  const fromRecord = togglesFromRecord(view, p, state, t);
  const changed = <T>(field: PictureField, fallback: T): T => {
    const value = changes && state !== 'absent' ? valueAt(changes, p.id, field, t) : undefined;
    return value === undefined ? fallback : (value as T);
  };
  const before = (iso: string | null) => (iso !== null && Date.parse(iso) <= t ? iso : null);
  return {
    ...p,
    state,
    muted: changed('muted', fromRecord.muted),
    forcedMute: changed('forcedMute', fromRecord.forcedMute),
    monitorMode: changed('monitorMode', fromRecord.monitorMode),
    dialingAt: before(p.dialingAt),
    joinedAt: before(p.joinedAt),
    leftAt: before(p.leftAt),
    holds: p.holds.filter((h) => Date.parse(h.from) <= t).map((h) => ({ from: h.from, to: before(h.to) })),
    mutes: p.mutes.filter((m) => Date.parse(m.from) <= t).map((m) => ({ from: m.from, to: before(m.to) })),
  };
}

/**
 * The participant graph of ended call `view` as it stood at moment `t` (epoch ms): every party's
 * state, mute and times, the cap meter, the alerts standing, and who heard whom. Pure: derived
 * from the intervals and alert history the record keeps, and from its picture changes where
 * history has them (without them, mute before the first CCP report shows as the call's last
 * known value, and a supervisor's monitor mode as its last).
 */
export function pictureAt(view: ConferenceView, t: number, changes?: readonly PictureChange[]): Picture {
  const parties = view.participants.map((p) => partyAt(view, p, t, changes));
  const onCall = parties.filter((p) => p.state !== 'absent' && p.state !== 'disconnected');
  const ended = view.endedAt !== null && t >= Date.parse(view.endedAt);
  const alerts: AlertView[] = ended
    ? []
    : view.alertHistory
        .filter((a) => within(t, Date.parse(a.raisedAt), ms(a.clearedAt)))
        .map((a) => ({ kind: a.kind, severity: a.severity, since: a.raisedAt }));
  return {
    at: t,
    parties,
    counted: onCall.filter(isCountedParty).length,
    cap: view.cap,
    alerts,
    audio: deriveAudioPaths(
      view.mode,
      onCall.map((p) => toEngineParticipant({ ...p, state: p.state as ParticipantState })),
    ),
  };
}

/** Every join, leave, hold, mute and alert change of the call, in time order, for the scrubber. */
export function scrubberEvents(view: ConferenceView): ScrubberEvent[] {
  return view.timeline
    .map((e) => ({ at: Date.parse(e.at), kind: e.kind, participantId: e.participantId, alert: e.alert }))
    .sort((a, b) => a.at - b.at);
}
