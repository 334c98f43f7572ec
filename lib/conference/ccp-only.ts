import type { TimelineKind } from './enums';
import type { ConferenceModel, Participant } from './types';

const MUTE_KINDS: ReadonlySet<TimelineKind> = new Set(['muted', 'unmuted']);
const FORCED_KINDS: ReadonlySet<TimelineKind> = new Set(['force-muted', 'force-unmuted']);

/**
 * Once a server source names a party (by agent ARN or phone number), a party that only a CCP had
 * reported under the same identity is the same person: the CCP-only entry goes (M8), and with it
 * every trace of a second identity (M9). The same holds for a CCP's quick-connect name once the
 * party carries it, or once the agent's directory name is known to be it.
 */
export function absorbCcpOnly(model: ConferenceModel, party: Participant): void {
  if (party.ccpOnly) return;
  const directoryName = party.agentArn === undefined ? undefined : model.agentNames.get(party.agentArn);
  for (const p of model.participants.values()) {
    if (!p.ccpOnly || p.role !== party.role) continue;
    const sameAgent = party.agentArn !== undefined && p.agentArn === party.agentArn;
    const sameNumber = party.phoneNumber !== undefined && p.phoneNumber === party.phoneNumber;
    // A name is weaker than a number or an ARN: it joins only parties nothing else tells apart.
    const sameName =
      p.name !== undefined &&
      (p.name === party.name || p.name === directoryName) &&
      (p.agentArn === undefined || p.agentArn === party.agentArn) &&
      (p.phoneNumber === undefined || p.phoneNumber === party.phoneNumber);
    if (sameAgent || sameNumber || sameName) merge(model, party, p);
  }
}

/**
 * M9: what only the CCP knew (its name for the party, mute, monitor mode) passes to the confirmed
 * party where that party knows nothing yet; the CCP-only party's stage and hold entries go from the
 * timeline, because the confirmed party records its own, and each moment is told once.
 */
function merge(model: ConferenceModel, party: Participant, gone: Participant): void {
  model.participants.delete(gone.id);
  model.revision += 1;
  if (party.name === undefined && gone.name !== undefined) party.name = gone.name;
  if (party.monitorMode === null && gone.monitorMode !== null) party.monitorMode = gone.monitorMode;
  const takeMute = party.muted === null && gone.muted !== null;
  if (takeMute) {
    party.muted = gone.muted;
    party.mutes = gone.mutes.map((i) => ({ ...i }));
    if (gone.muteAt !== undefined) party.muteAt = gone.muteAt;
  }
  const takeForced = party.forcedMute === null && gone.forcedMute !== null;
  if (takeForced) {
    party.forcedMute = gone.forcedMute;
    if (gone.forcedMuteAt !== undefined) party.forcedMuteAt = gone.forcedMuteAt;
  }
  let kept = 0;
  const timeline = model.timeline;
  for (let i = 0; i < timeline.length; i++) {
    const entry = timeline[i]!;
    if (entry.participantId !== gone.id) {
      timeline[kept++] = entry;
      continue;
    }
    const moves = (takeMute && MUTE_KINDS.has(entry.kind)) || (takeForced && FORCED_KINDS.has(entry.kind));
    // Entries are shared with the committed model (clone-model): replace, never mutate.
    if (moves) timeline[kept++] = { ...entry, participantId: party.id };
  }
  timeline.length = kept;
}
