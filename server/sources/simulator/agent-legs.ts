import { syncAgent } from './agent-events';
import type { AgentPool } from './agent-pool';
import { touch } from './call-state';
import { emitContactEvent } from './contact-events';
import type { SimContext } from './context';
import type { AgentContactEntry, Call, Leg, Party, Person } from './model';

function poolOf(ctx: SimContext, person: Person): AgentPool {
  return person.kind === 'agent' ? ctx.agents : ctx.supervisors;
}

function entryFor(person: Person, leg: Leg): AgentContactEntry | undefined {
  return person.contacts.find((e) => e.leg === leg);
}

function removeEntry(ctx: SimContext, person: Person, leg: Leg): void {
  person.contacts = person.contacts.filter((e) => e.leg !== leg);
  syncAgent(ctx, person);
}

/** The leg rings at `person`'s CCP: the contact appears in its snapshot as CONNECTING. */
export function offerLeg(ctx: SimContext, person: Person, leg: Leg, heldParty: Party | null): void {
  const now = ctx.clock.now();
  person.contacts.push({ leg, phase: 'CONNECTING', stateStartAt: now, connectedAt: null, heldParty });
  syncAgent(ctx, person);
}

/**
 * The person let it ring out (MISSED) or turned it down (REJECTED); then the contact leaves the
 * snapshot, and the person is free again after a pause.
 */
export function missOffer(ctx: SimContext, person: Person, leg: Leg): void {
  const entry = entryFor(person, leg);
  if (entry) {
    entry.phase = ctx.rng.chance(0.3) ? 'REJECTED' : 'MISSED';
    entry.stateStartAt = ctx.clock.now();
    syncAgent(ctx, person);
  }
  ctx.stats.bump('missed');
  ctx.clock.after(ctx.rng.between(1_000, 3_000), () => removeEntry(ctx, person, leg));
  ctx.clock.after(ctx.rng.between(8_000, 20_000), () => poolOf(ctx, person).release(person));
}

/** The leg stopped ringing before anyone answered (the call ended meanwhile). */
export function withdrawOffer(ctx: SimContext, person: Person, leg: Leg): void {
  removeEntry(ctx, person, leg);
  poolOf(ctx, person).release(person);
}

/** `person` answers: CONNECTED_TO_AGENT, and from now on its CCP reports. */
export function answerLeg(ctx: SimContext, call: Call, party: Party, person: Person): void {
  const now = ctx.clock.now();
  const leg = party.leg;
  leg.person = person;
  leg.connectedToAgentAt = now;
  const entry = entryFor(person, leg);
  if (entry) {
    entry.phase = 'CONNECTED';
    entry.stateStartAt = now;
    entry.connectedAt = now;
  } else {
    person.contacts.push({ leg, phase: 'CONNECTED', stateStartAt: now, connectedAt: now, heldParty: null });
  }
  party.person = person;
  party.ringing = null;
  party.state = 'connected';
  party.ccp = { connectionIds: new Map(), signature: '', gone: new Set(), finalSent: false };
  emitContactEvent(ctx, leg, 'CONNECTED_TO_AGENT');
  touch(ctx, call);
}

/**
 * The agent has left the call: ENDED (after-contact work) for 5–30 s, then the contact leaves its
 * snapshot, the leg's COMPLETED carries the ACW times, and the agent is free again. `onDone` runs
 * once ACW is over (the root leg completes only when its caller has gone too).
 */
export function startAfterContactWork(ctx: SimContext, party: Party, onDone: () => void): void {
  const person = party.person!;
  const leg = party.leg;
  const now = ctx.clock.now();
  const entry = entryFor(person, leg);
  if (entry) {
    entry.phase = 'ENDED';
    entry.stateStartAt = now;
  }
  leg.acwStartAt = now;
  syncAgent(ctx, person);
  const acwMs = person.kind === 'agent' ? ctx.rng.between(5_000, 30_000) : ctx.rng.between(2_000, 5_000);
  ctx.clock.after(acwMs, () => {
    leg.acwEndAt = ctx.clock.now();
    removeEntry(ctx, person, leg);
    onDone();
    poolOf(ctx, person).release(person);
  });
}
