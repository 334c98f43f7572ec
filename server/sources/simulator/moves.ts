import { joinAll } from './call-state';
import type { SimContext } from './context';
import { drawPhoneNumber } from './directory';
import { addParty, type AddOptions, type AddRequest } from './dialing';
import { leave, type DisconnectReason } from './leaving';
import { findPresent } from './legs';
import { countedParties, presentAgents, type Call, type Party } from './model';
import type { Script } from './scheduler';

/** The building blocks call plans are written in. */

export function* talk(ctx: SimContext, minMs: number, maxMs: number): Script {
  yield ctx.rng.between(minMs, maxMs);
}

/** The primary agent while it is on the call, else any agent still on it. */
export function pickAdder(ctx: SimContext, call: Call): Party | undefined {
  const primary = findPresent(call, (p) => p.primary);
  if (primary && (call.mode === 'three-party' || ctx.rng.chance(0.8))) return primary;
  const agents = presentAgents(call);
  return agents.length > 0 ? ctx.rng.pick(agents) : undefined;
}

/** A party to add, drawn: an agent by quick connect (55 %, a fifth via a queue) or an external number. */
export function drawAddRequest(ctx: SimContext): AddRequest {
  const { rng, directory } = ctx;
  if (rng.chance(0.55)) {
    return rng.chance(0.8)
      ? { kind: 'agent' }
      : { kind: 'queue', quickConnect: rng.pick(directory.queueQuickConnects) };
  }
  return rng.chance(0.5)
    ? { kind: 'external', quickConnect: rng.pick(directory.phoneQuickConnects.others) }
    : { kind: 'external', number: drawPhoneNumber(rng, rng.chance(0.5)) };
}

/** Adds a party, greets it privately (R19), then Join (R20). Returns the party, or null if none joined. */
export function* addAndJoin(
  ctx: SimContext,
  call: Call,
  actor: Party,
  request: AddRequest,
  options: AddOptions = {},
): Script<Party | null> {
  const party = yield* addParty(ctx, call, actor, request, options);
  if (!party) return null;
  yield ctx.rng.between(3_000, 10_000);
  if (actor.state !== 'disconnected') joinAll(ctx, call, actor);
  return party;
}

/** Adds parties until the call has `target` of them, with some talk in between. */
export function* growTo(ctx: SimContext, call: Call, target: number, options: AddOptions = {}): Script {
  for (let attempts = 0; attempts < target * 2 && !call.ended; attempts++) {
    if (countedParties(call).length >= target) return;
    const adder = pickAdder(ctx, call);
    if (!adder) return;
    const party = yield* addAndJoin(ctx, call, adder, drawAddRequest(ctx), {
      contendR4: options.contendR4 ?? ctx.rng.chance(0.15),
    });
    if (!party) {
      yield ctx.rng.between(3_000, 10_000);
      continue;
    }
    yield ctx.rng.between(10_000, 40_000);
  }
}

type LeaveWeights = Record<Party['role'] | 'primary', number>;

/** Everyone still on the call leaves, one at a time, in an order drawn from `weights`. */
export function* finishCall(ctx: SimContext, call: Call, weights: Partial<LeaveWeights> = {}): Script {
  const w: LeaveWeights = { customer: 1, primary: 0.8, agent: 1.2, external: 1, supervisor: 0, ...weights };
  const weightOf = (p: Party) => (p.primary ? w.primary : w[p.role]);
  while (!call.ended) {
    const candidates = countedParties(call).filter((p) => p.state !== 'dialing');
    if (candidates.length === 0) return;
    let roll = ctx.rng.next() * candidates.reduce((sum, p) => sum + weightOf(p), 0);
    let leaver = candidates[0]!;
    for (const p of candidates) {
      roll -= weightOf(p);
      if (roll < 0) {
        leaver = p;
        break;
      }
    }
    leave(ctx, call, leaver, hangUpReason(leaver));
    if (!call.ended) yield ctx.rng.between(5_000, 45_000);
  }
}

/** A party hanging up itself: the far end of its leg (caller, external) or the agent on it. */
export function hangUpReason(party: Party): DisconnectReason {
  return party.role === 'customer' || party.role === 'external' ? 'CUSTOMER_DISCONNECT' : 'AGENT_DISCONNECT';
}
