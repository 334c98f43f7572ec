import type { ConferenceMode } from '../enums';
import type { Participant } from '../types';

/** One direction of sound: `listener` hears `speaker`. */
export type AudioPath = { listener: string; speaker: string };

function onBridge(p: Participant): boolean {
  return p.stage === 'connected' && !p.onHold;
}

function silentMonitor(p: Participant): boolean {
  return p.role === 'supervisor' && p.monitorMode !== 'barge';
}

function canSpeak(p: Participant): boolean {
  return p.muted !== true && p.forcedMute !== true && !silentMonitor(p);
}

/**
 * R11 in three-party mode: a held secondary agent can still talk with the primary agent, who is
 * not held. In multi-party mode held parties hear nobody and nobody hears them.
 */
function heldSidebar(mode: ConferenceMode, a: Participant, b: Participant): boolean {
  if (mode !== 'three-party' || a.role !== 'agent' || b.role !== 'agent') return false;
  const [primary, secondary] = a.primary ? [a, b] : b.primary ? [b, a] : [undefined, undefined];
  return !!primary && !!secondary && onBridge(primary) && secondary.stage === 'connected' && secondary.onHold;
}

/**
 * Who can hear whom right now: connected, unheld parties share the bridge; a muted (or force-muted)
 * party is heard by nobody; a held or dialling party hears nobody; a silent monitor hears the
 * bridge and is heard by nobody; a barging supervisor is a full party.
 */
export function deriveAudioPaths(mode: ConferenceMode, participants: readonly Participant[]): AudioPath[] {
  const paths: AudioPath[] = [];
  for (const listener of participants) {
    for (const speaker of participants) {
      if (listener === speaker || !canSpeak(speaker)) continue;
      const together = (onBridge(listener) && onBridge(speaker)) || heldSidebar(mode, listener, speaker);
      if (together) paths.push({ listener: listener.id, speaker: speaker.id });
    }
  }
  return paths;
}
