import type { ConferenceChange, ConferenceSummary, ParticipantSummary } from '@/lib/realtime';
import { maskDigits, maskPhone } from './mask-phone';

/**
 * Hides a key that may be a phone number (what a CCP-only external party is keyed by) behind a
 * stable, unguessable stand-in: the sidecar gives a keyed digest, so the same party keeps the same
 * id across pushes but the number cannot be read back from it.
 */
export type HideKey = (key: string) => string;

/** CCP-only parties are keyed `p:<role>:<what the CCP said of them>` (see `ccpOnlyId`). */
const CCP_ONLY_EXTERNAL = 'p:external:';

/**
 * A party as a wallboard credential receives it: no customer's or external party's number, in the
 * number field, in a name a CCP gave it or in its id. Agents stay as they are (the page shortens
 * their names by its privacy setting).
 */
export function maskPartyForWallboard(p: ParticipantSummary, hide: HideKey): ParticipantSummary {
  if (p.role !== 'customer' && p.role !== 'external') return p;
  return {
    ...p,
    id: p.id.startsWith(CCP_ONLY_EXTERNAL)
      ? `${CCP_ONLY_EXTERNAL}${hide(p.id.slice(CCP_ONLY_EXTERNAL.length))}`
      : p.id,
    phoneNumber: p.phoneNumber === null ? null : maskPhone(p.phoneNumber),
    name: p.name === null ? null : maskDigits(p.name),
  };
}

/** A board card as the `wallboard` role receives it (snapshot and patches alike). */
export function maskSummaryForWallboard(c: ConferenceSummary, hide: HideKey): ConferenceSummary {
  return { ...c, participants: c.participants.map((p) => maskPartyForWallboard(p, hide)) };
}

/** A patch's change to a card, masked the same way (only the party list can carry a number). */
export function maskChangeForWallboard(change: ConferenceChange, hide: HideKey): ConferenceChange {
  if (!change.participants) return change;
  return { ...change, participants: change.participants.map((p) => maskPartyForWallboard(p, hide)) };
}
