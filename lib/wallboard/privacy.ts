import type { ConferenceSummary, ParticipantSummary } from '@/lib/realtime';
import { maskDigits, maskPhone } from './mask-phone';

/**
 * How much of the people on a call a wallboard shows to the room: agents by `initials` (the
 * default), by `first-name`, or in `full`. Below `full`, customers' and external parties' numbers
 * are masked (`+49 30 ••• •• 10`) and any number in their names too.
 */
export const PRIVACY_LEVELS = ['initials', 'first-name', 'full'] as const;
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];
export const DEFAULT_PRIVACY: PrivacyLevel = 'initials';

const words = (name: string) => name.trim().split(/\s+/).filter(Boolean);
/** The first letter of a word as a person reads it (a whole character, not half a surrogate pair). */
const initial = (word: string) => (Array.from(word)[0] ?? '').toLocaleUpperCase();

/** A person's name as the level shows it: `LH` (first and last name), `Lena`, or in full. */
export function personLabel(name: string, level: PrivacyLevel): string {
  if (level === 'full') return name;
  const parts = words(name);
  if (parts.length === 0) return name;
  if (level === 'first-name') return parts[0]!;
  return parts.length === 1
    ? initial(parts[0]!)
    : `${initial(parts[0]!)}${initial(parts[parts.length - 1]!)}`;
}

/** One party as the wallboard may show it at `level`. */
export function privateParty(p: ParticipantSummary, level: PrivacyLevel): ParticipantSummary {
  if (level === 'full') return p;
  if (p.role === 'agent' || p.role === 'supervisor')
    return {
      ...p,
      name: p.name === null ? null : personLabel(p.name, level),
      phoneNumber: p.phoneNumber === null ? null : maskPhone(p.phoneNumber),
    };
  return {
    ...p,
    name: p.name === null ? null : maskDigits(p.name),
    phoneNumber: p.phoneNumber === null ? null : maskPhone(p.phoneNumber),
  };
}

/**
 * A conference as the wallboard shows it at `level`: the same card with its parties made private.
 * The caller keeps a cache by card object, so an unchanged card keeps its identity and its tile
 * does not redraw.
 */
export function privateConference(c: ConferenceSummary, level: PrivacyLevel): ConferenceSummary {
  if (level === 'full') return c;
  return { ...c, participants: c.participants.map((p) => privateParty(p, level)) };
}
