import type { ParticipantRole, ParticipantState } from './enums';
import type { ConferenceModel, Interval, Participant } from './types';

/** A party's state as shown: its stage, with `hold` for a connected party on hold. */
export function participantState(p: Participant): ParticipantState {
  if (p.stage === 'connected') return p.onHold ? 'hold' : 'connected';
  return p.stage;
}

/** Dialing, connected or on hold: the parties that make up the call right now. */
export function isActive(p: Participant): boolean {
  return p.stage !== 'disconnected';
}

/** The parties the cap, the alerts and the ending count (R1, R2, M8): no supervisors, no CCP-only. */
export function isCounted(p: Participant): boolean {
  return isActive(p) && p.role !== 'supervisor' && !p.ccpOnly;
}

/** Connected or on hold: the party has answered and has not left. */
export function isPresent(p: Participant): boolean {
  return p.stage === 'connected';
}

type NewParticipant = {
  id: string;
  role: ParticipantRole;
  contactId: string;
  primary?: boolean;
  ccpOnly?: boolean;
};

/** The participant with this id, created in `dialing` if it is new. */
export function ensureParticipant(model: ConferenceModel, init: NewParticipant): Participant {
  const existing = model.participants.get(init.id);
  if (existing) return existing;
  const created: Participant = {
    id: init.id,
    role: init.role,
    primary: init.primary ?? false,
    contactId: init.contactId,
    stage: 'dialing',
    onHold: false,
    muted: null,
    forcedMute: null,
    monitorMode: null,
    ccpOnly: init.ccpOnly ?? false,
    holds: [],
    mutes: [],
  };
  model.participants.set(created.id, created);
  model.revision += 1;
  return created;
}

export function markDialing(model: ConferenceModel, p: Participant, at: number): void {
  if (p.dialingAt !== undefined || p.stage !== 'dialing') return;
  p.dialingAt = at;
  model.revision += 1;
  model.timeline.push({ at, kind: 'dialing', participantId: p.id });
}

/** dialing → connected. A disconnected party is never revived (O3). */
export function markConnected(model: ConferenceModel, p: Participant, at: number): void {
  if (p.stage !== 'dialing') return;
  p.stage = 'connected';
  p.joinedAt = at;
  model.revision += 1;
  model.timeline.push({ at, kind: 'joined', participantId: p.id });
}

export function markDisconnected(model: ConferenceModel, p: Participant, at: number): void {
  if (p.stage === 'disconnected') return;
  p.stage = 'disconnected';
  p.leftAt = at;
  model.revision += 1;
  if (p.onHold) closeInterval(p.holds, at);
  if (p.muted) closeInterval(p.mutes, at);
  p.onHold = false;
  model.timeline.push({ at, kind: 'left', participantId: p.id });
}

/**
 * Hold exists only on a connected party: a hold report about a dialing party means it answered.
 * O2: the report with the newest source time wins, even against one folded in late (O6).
 */
export function setHold(model: ConferenceModel, p: Participant, held: boolean, at: number): void {
  if (p.stage === 'disconnected') return;
  if (held) markConnected(model, p, at);
  if (p.holdAt !== undefined && at < p.holdAt) return;
  p.holdAt = at;
  if (p.onHold === held) return;
  p.onHold = held;
  model.revision += 1;
  if (held) p.holds.push({ from: at });
  else closeInterval(p.holds, at);
  model.timeline.push({ at, kind: held ? 'hold' : 'resume', participantId: p.id });
}

export function setMuted(model: ConferenceModel, p: Participant, muted: boolean, at: number): void {
  if (p.stage === 'disconnected' || (p.muteAt !== undefined && at < p.muteAt)) return;
  p.muteAt = at;
  if (p.muted === muted) return;
  const wasMuted = p.muted === true;
  p.muted = muted;
  model.revision += 1;
  if (muted) p.mutes.push({ from: at });
  else if (wasMuted) closeInterval(p.mutes, at);
  if (muted || wasMuted) model.timeline.push({ at, kind: muted ? 'muted' : 'unmuted', participantId: p.id });
}

export function setForcedMute(model: ConferenceModel, p: Participant, forced: boolean, at: number): void {
  if (p.stage === 'disconnected' || (p.forcedMuteAt !== undefined && at < p.forcedMuteAt)) return;
  p.forcedMuteAt = at;
  if (p.forcedMute === forced) return;
  const was = p.forcedMute === true;
  p.forcedMute = forced;
  model.revision += 1;
  if (forced || was)
    model.timeline.push({ at, kind: forced ? 'force-muted' : 'force-unmuted', participantId: p.id });
}

function closeInterval(intervals: Interval[], at: number): void {
  const last = intervals[intervals.length - 1];
  if (last && last.to === undefined) last.to = Math.max(at, last.from);
}
