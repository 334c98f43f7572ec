import type { ParticipantRole } from '@/lib/conference';
import {
  muteStateOf,
  partyAriaLabel,
  partyName,
  partyTitle,
  phoneGroups,
  roleText,
  type MuteState,
  type PartyFacts,
} from './party';

/** How long a party that left stays on a card, fading, before it is hidden. */
export const LEAVE_FADE_MS = 6_000;

export type GraphNode = {
  id: string;
  role: ParticipantRole;
  primary: boolean;
  state: PartyFacts['state'];
  mute: MuteState;
  ccpOnly: boolean;
  name: string;
  /** The number in its groups when the node shows a number rather than a name (see `phoneGroups`). */
  phone: string[] | null;
  roleText: string;
  ariaLabel: string;
  /** The accessible name with the name as shown (a number grouped): what hovering the node says. */
  title: string;
  /** Milliseconds of fading left for a party that has just left; null for everyone else. */
  fadeLeftMs: number | null;
  /** When the current hold began, for a party on hold whose sources said (ISO); else null. */
  holdSince: string | null;
};

/** A party as the board or the detail page has it: with its hold start, or its hold intervals. */
export type GraphParty = PartyFacts & {
  holdSince?: string | null;
  holds?: readonly { from: string; to: string | null }[];
};

/** When the party's current hold began: the summary says it; a full view has the open interval. */
export function holdStart(p: GraphParty): string | null {
  if (p.state !== 'hold') return null;
  if (p.holdSince !== undefined) return p.holdSince;
  const last = p.holds?.at(-1);
  return last && last.to === null ? last.from : null;
}

export type GraphLayout = {
  /** R22: the customer is always shown on top. */
  customer: GraphNode | null;
  /** The counted parties under the customer: primary agent, other agents, external parties. */
  parties: GraphNode[];
  /** Monitoring supervisors, shown apart: they are not counted against the cap (R2). */
  supervisors: GraphNode[];
  /** Parties that left and are past their fade, when `gone: 'apart'` asks for them. */
  gone: GraphNode[];
};

const ROLE_ORDER: Record<ParticipantRole, number> = { customer: 0, agent: 1, external: 2, supervisor: 3 };

/** R22 order: customer, primary agent, other agents, external parties, supervisors; CCP-only last. */
export function compareParties(a: PartyFacts, b: PartyFacts): number {
  return (
    ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
    Number(b.primary) - Number(a.primary) ||
    Number(a.ccpOnly) - Number(b.ccpOnly)
  );
}

export function toGraphNode(p: GraphParty, fadeLeftMs: number | null = null): GraphNode {
  return {
    id: p.id,
    role: p.role,
    primary: p.primary,
    state: p.state,
    mute: muteStateOf(p),
    ccpOnly: p.ccpOnly,
    name: partyName(p),
    phone: phoneGroups(p),
    roleText: roleText(p),
    ariaLabel: partyAriaLabel(p),
    title: partyTitle(p),
    fadeLeftMs,
    holdSince: holdStart(p),
  };
}

/** Milliseconds of fade left for a party that left at `leftAt`, or null once it should be hidden. */
export function fadeLeft(leftAt: string | null, now: number, fadeMs = LEAVE_FADE_MS): number | null {
  if (leftAt === null) return null;
  const left = fadeMs - (now - Date.parse(leftAt));
  return left > 0 ? Math.min(left, fadeMs) : null;
}

/** Does any party on this list still fade (so its card needs the clock for a few seconds)? */
export function hasFadingParty(parties: readonly PartyFacts[], now: number, fadeMs = LEAVE_FADE_MS): boolean {
  return parties.some((p) => p.state === 'disconnected' && fadeLeft(p.leftAt, now, fadeMs) !== null);
}

/**
 * What becomes of a party once its fade is over: `hide` it (a live card), keep it `inline` in its
 * place (an ended call keeps its roster, so the card says who was on it) or list it `apart`.
 */
export type GoneParties = 'hide' | 'inline' | 'apart';

/**
 * Lays out a conference's parties as its graph: customer on top, counted parties below, supervisors
 * apart. A party that left fades for `fadeMs` after `leftAt` (by the sidecar clock `now`), then
 * goes as `gone` says.
 */
export function layoutParticipants(
  participants: readonly GraphParty[],
  now: number,
  o: { gone?: GoneParties; fadeMs?: number } = {},
): GraphLayout {
  const layout: GraphLayout = { customer: null, parties: [], supervisors: [], gone: [] };
  const gone = o.gone ?? 'hide';
  for (const p of [...participants].sort(compareParties)) {
    let fade: number | null = null;
    if (p.state === 'disconnected' && gone !== 'inline') {
      fade = fadeLeft(p.leftAt, now, o.fadeMs);
      if (fade === null) {
        if (gone === 'apart') layout.gone.push(toGraphNode(p));
        continue;
      }
    }
    const node = toGraphNode(p, fade);
    if (p.role === 'customer' && !layout.customer) layout.customer = node;
    else if (p.role === 'supervisor') layout.supervisors.push(node);
    else layout.parties.push(node);
  }
  return layout;
}
