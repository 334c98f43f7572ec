import { deriveAudioPaths, type ConferenceMode, type Participant } from '@/lib/conference';
import { partyName, type PartyFacts } from './party';

/**
 * The engine participant that `deriveAudioPaths` needs, rebuilt from a served party: the stage
 * from the shown state (hold is connected-and-held), and no history (the paths do not use it).
 */
export function toEngineParticipant(p: PartyFacts): Participant {
  return {
    id: p.id,
    role: p.role,
    primary: p.primary,
    contactId: p.contactId,
    stage: p.state === 'hold' ? 'connected' : p.state,
    onHold: p.state === 'hold',
    muted: p.muted,
    forcedMute: p.forcedMute,
    monitorMode: p.monitorMode,
    ccpOnly: p.ccpOnly,
    holds: [],
    mutes: [],
  };
}

export type AudioRow = {
  id: string;
  name: string;
  /** Names of the parties this one hears, in graph order. */
  hears: string[];
  /** Ids of the same parties, for drawing the matrix. */
  hearsIds: string[];
  /** Names of the parties that hear this one. */
  heardBy: string[];
  /** Why this party hears or is heard by nobody, in plain words; null when it is on the bridge. */
  note: string | null;
};

function noteFor(p: PartyFacts, hears: number, heardBy: number): string | null {
  if (p.state === 'dialing') return 'still being dialed: hears nobody yet';
  if (p.state === 'hold' && hears === 0) return 'on hold: hears nobody, nobody hears them';
  if (p.state === 'hold') return 'on hold: talks only with the primary agent (R11)';
  if (p.role === 'supervisor' && p.monitorMode !== 'barge') return 'silent monitor: listens, is never heard';
  if (p.forcedMute === true) return 'force-muted by a supervisor: nobody hears them';
  if (p.muted === true) return 'muted: nobody hears them';
  if (hears === 0 && heardBy === 0) return 'alone on the bridge';
  return null;
}

/** Who hears whom, one row per party still on the call, for the detail page. */
export function describeAudio(mode: ConferenceMode, parties: readonly PartyFacts[]): AudioRow[] {
  const present = parties.filter((p) => p.state !== 'disconnected');
  const paths = deriveAudioPaths(mode, present.map(toEngineParticipant));
  const names = new Map(present.map((p) => [p.id, partyName(p)]));
  return present.map((p) => {
    const hears = present.filter((s) => paths.some((x) => x.listener === p.id && x.speaker === s.id));
    const heardBy = present.filter((l) => paths.some((x) => x.speaker === p.id && x.listener === l.id));
    return {
      id: p.id,
      name: names.get(p.id) ?? p.id,
      hears: hears.map((s) => names.get(s.id) ?? s.id),
      hearsIds: hears.map((s) => s.id),
      heardBy: heardBy.map((l) => names.get(l.id) ?? l.id),
      note: noteFor(p, hears.length, heardBy.length),
    };
  });
}
