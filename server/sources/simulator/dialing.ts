import { holdOthers, joinAll, noteHappened, touch } from './call-state';
import { emitContactEvent } from './contact-events';
import type { SimContext } from './context';
import type { PhoneQuickConnect, QueueQuickConnect } from './directory';
import { leave } from './leaving';
import { createLeg, createParty, drawContactLens, personName } from './legs';
import { capOf, countedParties, type Call, type Party, type Person } from './model';
import { offerThroughQueue, ringAgent, ringExternal } from './ringing';
import type { Script } from './scheduler';

/** What an agent dials: another agent's quick connect, a queue's, or a phone number. */
export type AddRequest =
  | { kind: 'agent'; answer?: boolean; contactLens?: boolean }
  | { kind: 'queue'; quickConnect: QueueQuickConnect; missFirst?: boolean; contactLens?: boolean }
  | { kind: 'external'; quickConnect?: PhoneQuickConnect; number?: string; answer?: boolean };

export type AddOptions = {
  /** Another agent tries to add a party while this one rings: the platform refuses it (R4). */
  contendR4?: boolean;
  /** The platform fault: the cap is not enforced for this add. */
  fault?: boolean;
};

/** The rule that makes the platform refuse an add right now, if any (R1, R4, R5, R6). */
export function addRefusal(call: Call): 'R1' | 'R4' | 'R5' | 'R6' | null {
  const counted = countedParties(call).length;
  if (counted >= capOf(call.mode)) return 'R1';
  if (call.mode === 'multi-party' && call.dialing) return 'R4';
  if (call.customer.state === 'disconnected' && counted < 3) return 'R5';
  const primary = call.parties.find((p) => p.primary);
  if (primary?.state === 'disconnected' && counted < 3) return 'R6';
  return null;
}

/** An agent tries to add a party; a refusal sends nothing (the platform refuses) and is counted. */
export function tryAdd(ctx: SimContext, call: Call, fault = false): boolean {
  const refused = fault ? (call.dialing ? 'R4' : null) : addRefusal(call);
  if (refused) ctx.stats.bump(`refused${refused}`);
  return refused === null;
}

/**
 * R19: `actor` holds everyone else and dials. Returns the new party once it answers, with the others
 * still on hold (the agent greets it privately; the caller then joins or swaps), or null when the
 * add was refused, nobody answered, or the call ended meanwhile (the others are taken off hold).
 */
export function* addParty(
  ctx: SimContext,
  call: Call,
  actor: Party,
  request: AddRequest,
  options: AddOptions = {},
): Script<Party | null> {
  if (!tryAdd(ctx, call, options.fault)) return null;
  const target = request.kind === 'agent' ? ctx.agents.take() : undefined;
  if (request.kind === 'agent' && !target) {
    ctx.stats.bump('addsWithoutFreeAgent');
    return null;
  }
  holdOthers(ctx, call, actor);
  const party = openLeg(ctx, call, actor, request, target);
  if (options.fault) {
    ctx.stats.bump('faults');
    noteHappened(ctx, call, 'fault');
  }
  if (options.contendR4 && call.mode === 'multi-party') {
    ctx.clock.after(1_500, () => {
      if (call.dialing === party) tryAdd(ctx, call);
    });
  }
  const answered =
    request.kind === 'external'
      ? yield* ringExternal(ctx, call, party, request.answer)
      : request.kind === 'agent'
        ? yield* ringAgent(ctx, call, party, target!, request.answer)
        : yield* offerThroughQueue(ctx, call, party, request);
  if (answered) {
    call.dialing = null;
    return party;
  }
  if (party.state !== 'disconnected') {
    ctx.stats.bump('unanswered');
    leave(ctx, call, party, 'TELECOM_UNANSWERED');
  }
  if (actor.state !== 'disconnected') joinAll(ctx, call, actor);
  return null;
}

function openLeg(
  ctx: SimContext,
  call: Call,
  actor: Party,
  request: AddRequest,
  target: Person | undefined,
): Party {
  const external = request.kind === 'external';
  const leg = createLeg(ctx, call.rootId, external ? 'EXTERNAL_OUTBOUND' : 'TRANSFER', actor.leg.contactId);
  let party: Party;
  if (request.kind === 'external') {
    const number = request.quickConnect?.number ?? request.number!;
    leg.endpoint = number;
    party = createParty(leg, 'external', {
      addedBy: actor,
      phoneNumber: number,
      name: request.quickConnect?.name ?? null,
    });
  } else {
    leg.contactLens = drawContactLens(ctx, request.contactLens);
    const name = request.kind === 'queue' ? request.quickConnect.name : personName(target!);
    party = createParty(leg, 'agent', { addedBy: actor, person: target ?? null, name });
  }
  call.parties.push(party);
  call.dialing = party;
  emitContactEvent(ctx, leg, 'INITIATED');
  touch(ctx, call);
  return party;
}
