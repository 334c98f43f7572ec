import { answerLeg, missOffer, offerLeg } from './agent-legs';
import { touch } from './call-state';
import { emitContactEvent } from './contact-events';
import type { SimContext } from './context';
import type { QueueQuickConnect } from './directory';
import type { Call, Party, Person } from './model';
import type { Script } from './scheduler';

/**
 * How a dialled leg gets answered, or not. Each returns true once the new party is connected, and
 * false when nobody answered or the call ended while it rang (its party is then disconnected).
 */

export function* ringExternal(ctx: SimContext, call: Call, party: Party, answer?: boolean): Script<boolean> {
  yield ctx.rng.between(3_000, 20_000);
  if (party.state === 'disconnected') return false;
  if (!(answer ?? !ctx.rng.chance(0.08))) {
    yield ctx.rng.between(8_000, 15_000);
    return false;
  }
  party.leg.connectedToSystemAt = ctx.clock.now();
  party.state = 'connected';
  emitContactEvent(ctx, party.leg, 'CONNECTED_TO_SYSTEM');
  touch(ctx, call);
  return true;
}

/** One offer of the leg to `person`: true when answered, false when missed or the call moved on. */
function* ring(ctx: SimContext, call: Call, party: Party, person: Person, answer: boolean): Script<boolean> {
  party.ringing = person;
  offerLeg(ctx, person, party.leg, party);
  yield ctx.rng.between(3_000, 15_000);
  if (party.state === 'disconnected') return false;
  if (!answer) {
    party.ringing = null;
    missOffer(ctx, person, party.leg);
    return false;
  }
  answerLeg(ctx, call, party, person);
  return true;
}

export function* ringAgent(
  ctx: SimContext,
  call: Call,
  party: Party,
  target: Person,
  answer?: boolean,
): Script<boolean> {
  return yield* ring(ctx, call, party, target, answer ?? !ctx.rng.chance(0.05));
}

/** A queue quick connect: QUEUED, then offered to free agents in turn until one answers (or 45 s pass). */
export function* offerThroughQueue(
  ctx: SimContext,
  call: Call,
  party: Party,
  request: { quickConnect: QueueQuickConnect; missFirst?: boolean },
): Script<boolean> {
  const leg = party.leg;
  leg.queue = request.quickConnect.queue;
  leg.enqueuedAt = ctx.clock.now();
  emitContactEvent(ctx, leg, 'QUEUED');
  const deadline = ctx.clock.now() + 45_000;
  let misses = request.missFirst || ctx.rng.chance(0.2) ? 1 : 0;
  yield ctx.rng.between(1_000, 3_000);
  while (party.state !== 'disconnected' && ctx.clock.now() < deadline) {
    const person = ctx.agents.take();
    if (!person) {
      yield 2_000;
      continue;
    }
    if (yield* ring(ctx, call, party, person, misses === 0)) return true;
    misses -= 1;
  }
  return false;
}
