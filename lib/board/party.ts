import type { ParticipantView } from '@/lib/conference';
import { arnTail, ROLE_WORD, STATE_WORD } from './labels';

/** What the board knows of a party: both `ParticipantView` and `ParticipantSummary` are one. */
export type PartyFacts = Pick<
  ParticipantView,
  | 'id'
  | 'role'
  | 'primary'
  | 'contactId'
  | 'agentArn'
  | 'phoneNumber'
  | 'name'
  | 'state'
  | 'muted'
  | 'forcedMute'
  | 'monitorMode'
  | 'ccpOnly'
  | 'addedBy'
  | 'leftAt'
>;

/** Mute as one value: force-muted wins over muted; unknown where no CCP has reported (M8). */
export type MuteState = 'forced' | 'muted' | 'unmuted' | 'unknown';

export function muteStateOf(p: Pick<PartyFacts, 'muted' | 'forcedMute'>): MuteState {
  if (p.forcedMute === true) return 'forced';
  if (p.muted === true) return 'muted';
  if (p.muted === false) return 'unmuted';
  return 'unknown';
}

export const MUTE_WORD: Record<MuteState, string> = {
  forced: 'Force-muted',
  muted: 'Muted',
  unmuted: 'Not muted',
  unknown: 'Mute unknown',
};

/** ITU country codes of one and two digits; every other code has three. */
export const SHORT_CODES = /^(1|7|2[07]|3[0-469]|4[0-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])/;

/**
 * An E.164 number in readable groups, `+49 171 106 801 67`: the country code, then groups of
 * three with the last two to four digits together. The grouping is for the eye only (it does not
 * know area codes); anything that is not `+` and digits is shown as it came.
 */
export function formatPhone(number: string): string {
  const m = /^\+(\d{6,15})$/.exec(number);
  if (!m) return number;
  const digits = m[1]!;
  const code = SHORT_CODES.exec(digits)?.[0] ?? digits.slice(0, 3);
  let rest = digits.slice(code.length);
  const groups: string[] = [];
  while (rest.length > 4) {
    groups.push(rest.slice(0, 3));
    rest = rest.slice(3);
  }
  groups.push(rest);
  return `+${code} ${groups.join(' ')}`;
}

const UNNAMED: Record<PartyFacts['role'], string> = {
  customer: 'Unknown caller',
  agent: 'Unnamed agent',
  external: 'Unknown number',
  supervisor: 'Unnamed supervisor',
};

type Nameable = Pick<PartyFacts, 'name' | 'phoneNumber' | 'agentArn' | 'role'>;

/** The name a supervisor reads: a name, else the number, else a short agent id, else "Unnamed …". */
export function partyName(p: Nameable): string {
  if (p.name) return p.name;
  if (p.phoneNumber) return formatPhone(p.phoneNumber);
  if (p.agentArn) return `${ROLE_WORD[p.role]} ${arnTail(p.agentArn)}`;
  return UNNAMED[p.role];
}

/**
 * The groups of the number a node shows in place of a name (`['+49', '171', '973', '389', '12']`),
 * so a narrow node wraps it between groups and never inside one; null when the party has a name
 * (or no number).
 */
export function phoneGroups(p: Pick<PartyFacts, 'name' | 'phoneNumber'>): string[] | null {
  if (p.name || !p.phoneNumber) return null;
  return formatPhone(p.phoneNumber).split(' ').filter(Boolean);
}

/** Has any source named this party (a name, a number or an agent ARN)? */
export function isNamed(p: Nameable): boolean {
  return !!(p.name || p.phoneNumber || p.agentArn);
}

/** The role as a heading over the name, with the primary agent and the monitor mode spelled out. */
export function roleText(p: Pick<PartyFacts, 'role' | 'primary' | 'monitorMode'>): string {
  if (p.role === 'agent') return p.primary ? 'Primary agent' : 'Agent';
  if (p.role === 'supervisor')
    return p.monitorMode === 'barge'
      ? 'Supervisor (barging)'
      : p.monitorMode === 'silent'
        ? 'Supervisor (silent)'
        : 'Supervisor';
  return ROLE_WORD[p.role];
}

/**
 * The accessible name of a graph node: role, name or number, state and mute, then the flags a
 * sighted supervisor reads from outline and tags (primary, not counted, seen only by a CCP).
 */
export function partyAriaLabel(p: PartyFacts): string {
  // The number as the sources carry it, so it can be searched for; the eye gets it grouped.
  return describeParty(
    p,
    isNamed(p)
      ? `${roleText(p)} ${p.name ?? p.phoneNumber ?? partyName(p)}`
      : `${roleText(p)}, name not yet known`,
  );
}

/**
 * The same words with the name exactly as the node shows it (a number grouped, "Unnamed agent"):
 * the node's hover title, where a name cut short on the card can be read in full.
 */
export function partyTitle(p: PartyFacts): string {
  return describeParty(
    p,
    isNamed(p) ? `${roleText(p)} ${partyName(p)}` : `${partyName(p)} (name not yet known)`,
  );
}

function describeParty(p: PartyFacts, who: string): string {
  const parts = [who, STATE_WORD[p.state].toLowerCase(), MUTE_WORD[muteStateOf(p)].toLowerCase()];
  if (p.role === 'supervisor') parts.push('not counted');
  if (p.ccpOnly) parts.push('seen only by a CCP');
  return parts.join(', ');
}
