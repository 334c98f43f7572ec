import { joinAll, setHold, swap } from './call-state';
import { emitContactEvent } from './contact-events';
import type { SimContext } from './context';
import { addParty, tryAdd } from './dialing';
import type { CallPlan } from './inbound';
import { leave } from './leaving';
import { findPresent } from './legs';
import { capOf, countedParties, type Call } from './model';
import { addAndJoin, drawAddRequest, finishCall, growTo, talk } from './moves';
import type { Script } from './scheduler';
import { holdCallerLong, spawnSideActivity } from './side-behaviours';

/** The first minutes of any answered call: talk, maybe a long hold, and side activity. */
export function* opening(ctx: SimContext, call: Call): Script {
  spawnSideActivity(ctx, call);
  yield* talk(ctx, 15_000, 60_000);
  if (ctx.rng.chance(ctx.config.longHoldShare)) yield* holdCallerLong(ctx, call);
}

function* twoParty(ctx: SimContext, call: Call): Script {
  yield* opening(ctx, call);
  yield* talk(ctx, 20_000, 200_000);
  yield* finishCall(ctx, call, { customer: 2 });
}

/** Grows to `target`; a full call sometimes sees one add too many (R1), some flows then switch Contact Lens off. */
export function* conference(ctx: SimContext, call: Call, target: number): Script {
  yield* opening(ctx, call);
  yield* growTo(ctx, call, target);
  if (countedParties(call).length >= capOf(call.mode) && ctx.rng.chance(0.3)) tryAdd(ctx, call);
  yield* talk(ctx, 30_000, 150_000);
  const root = call.root;
  if (!call.ended && root.contactLens?.enabled && countedParties(call).length >= 3 && ctx.rng.chance(0.25)) {
    root.contactLens = { ...root.contactLens, enabled: false };
    emitContactEvent(ctx, root, 'CONTACT_DATA_UPDATED');
  }
  yield* finishCall(ctx, call);
}

export type ConsultOutcome = 'consult' | 'warm-transfer' | 'conference' | 'swap';

/**
 * R29: the primary holds the caller and calls a colleague. The call turns out a consult (the
 * colleague leaves first), a transfer (the primary leaves first) or a conference (all talk);
 * with exactly three on the call the agent may Swap between the two sides (R21).
 */
export function* consultation(ctx: SimContext, call: Call, outcome: ConsultOutcome): Script {
  const { rng } = ctx;
  yield* opening(ctx, call);
  const primary = findPresent(call, (p) => p.primary);
  const request =
    outcome === 'swap' && rng.chance(0.4) ? drawAddRequest(ctx) : ({ kind: 'agent', answer: true } as const);
  const colleague = primary ? yield* addParty(ctx, call, primary, request) : null;
  if (!primary || !colleague) {
    yield* finishCall(ctx, call, { customer: 2 });
    return;
  }
  yield* talk(ctx, 10_000, 40_000);
  if (outcome === 'consult') {
    leave(ctx, call, colleague, 'AGENT_DISCONNECT');
    joinAll(ctx, call, primary);
  } else if (outcome === 'warm-transfer') {
    if (rng.chance(0.5)) {
      joinAll(ctx, call, primary);
      yield* talk(ctx, 5_000, 20_000);
    }
    leave(ctx, call, primary, 'AGENT_DISCONNECT');
    // The platform puts the caller through to the colleague the moment the primary hangs up.
    setHold(ctx, call, call.customer, false);
  } else {
    for (let swaps = outcome === 'swap' ? rng.int(1, 3) : 0; swaps > 0 && !call.ended; swaps--) {
      swap(ctx, call, primary);
      yield* talk(ctx, 5_000, 15_000);
    }
    if (primary.state !== 'disconnected') joinAll(ctx, call, primary);
  }
  yield* talk(ctx, 20_000, 120_000);
  yield* finishCall(ctx, call);
}

/** The platform fault: once the call is full, one more party joins anyway (A7). */
export function* oneTooMany(ctx: SimContext, call: Call): Script {
  yield* talk(ctx, 10_000, 30_000);
  yield* growTo(ctx, call, capOf(call.mode));
  const adder = findPresent(call, (p) => p.primary) ?? findPresent(call, (p) => p.role === 'agent');
  if (adder)
    yield* addAndJoin(
      ctx,
      call,
      adder,
      { kind: 'external', number: '+4930' + String(ctx.rng.int(1_000_000, 9_999_999)), answer: true },
      { fault: true },
    );
  yield* talk(ctx, 30_000, 60_000);
  yield* finishCall(ctx, call);
}

/** How an ordinary arriving call will go, drawn from the configuration. */
export function drawPlan(ctx: SimContext): CallPlan {
  const { rng, config, directory } = ctx;
  const base = { queue: rng.pick(directory.inboundQueues), urgent: false, fault: false };
  if (rng.chance(config.faultRate))
    return { ...base, scenario: 'cap-exceeded', fault: true, body: oneTooMany };
  const cap = capOf(config.mode);
  const target = rng.chance(config.conferenceProbability)
    ? Math.min(Number(rng.weighted(config.partyMix)), cap)
    : 2;
  if (target <= 2) return { ...base, scenario: 'two-party', body: twoParty };
  if (target === 3) {
    const outcome = rng.weighted<ConsultOutcome>({
      conference: 4,
      consult: 2,
      'warm-transfer': 2,
      swap: config.mode === 'three-party' ? 3 : 1,
    });
    return { ...base, scenario: outcome, body: (c, call) => consultation(c, call, outcome) };
  }
  return { ...base, scenario: `conference-${target}`, body: (c, call) => conference(c, call, target) };
}
