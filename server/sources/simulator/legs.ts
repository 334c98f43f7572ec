import type { SimContext } from './context';
import type { ParticipantRole } from '@/lib/conference';
import type { Call, ContactLensSetting, Leg, LegMethod, Party, Person } from './model';

/** A fresh contact leg of `call`, initiated now. */
export function createLeg(
  ctx: SimContext,
  rootId: string | null,
  method: LegMethod,
  previousContactId: string | null,
): Leg {
  const contactId = ctx.ids.uuid();
  return {
    contactId,
    rootId: rootId ?? contactId,
    method,
    previousContactId,
    namesItselfAsInitial: rootId === null && ctx.rng.chance(0.5),
    initiatedAt: ctx.clock.now(),
    connectedToSystemAt: null,
    connectedToAgentAt: null,
    disconnectedAt: null,
    disconnectReason: null,
    queue: null,
    enqueuedAt: null,
    person: null,
    endpoint: null,
    contactLens: null,
    acwStartAt: null,
    acwEndAt: null,
    holdMs: 0,
    completed: false,
  };
}

const PREFIX: Record<ParticipantRole, string> = { customer: 'c', agent: 'a', external: 'x', supervisor: 's' };

/** A party on `leg`, keyed as the engine keys it: `c:<root>`, `a:<leg>`, `x:<leg>`, `s:<leg>`. */
export function createParty(
  leg: Leg,
  role: ParticipantRole,
  init: {
    primary?: boolean;
    person?: Person | null;
    addedBy?: Party | null;
    name?: string | null;
    phoneNumber?: string | null;
  },
): Party {
  return {
    id: `${PREFIX[role]}:${leg.contactId}`,
    role,
    primary: init.primary ?? false,
    leg,
    person: init.person ?? null,
    ringing: null,
    phoneNumber: init.phoneNumber ?? null,
    name: init.name ?? null,
    state: 'dialing',
    muted: false,
    forcedMute: false,
    monitorMode: null,
    addedBy: init.addedBy ?? null,
    holdingSince: null,
    ccp: null,
  };
}

/** A Contact Lens setting drawn for a new leg: on for the configured share (R27: per leg). */
export function drawContactLens(ctx: SimContext, forced?: boolean): ContactLensSetting | null {
  const enabled = forced ?? ctx.rng.chance(ctx.config.contactLensShare);
  const mode = ctx.rng.chance(0.6) ? 'RealTime' : 'PostContact';
  if (enabled) return { enabled: true, mode };
  // Some flows say so explicitly ("Set recording and analytics behavior" with analytics off).
  return ctx.rng.chance(0.3) ? { enabled: false, mode } : null;
}

/** The name an agent quick connect to `person` carries. */
export function personName(person: Person): string {
  return `${person.firstName} ${person.lastName}`;
}

/** The first party of the call that passes `test` and is still on it (connected or on hold). */
export function findPresent(call: Call, test: (p: Party) => boolean): Party | undefined {
  return call.parties.find((p) => (p.state === 'connected' || p.state === 'hold') && test(p));
}
