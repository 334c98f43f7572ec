import type { SimContext } from './context';
import { drawPhoneNumber } from './directory';
import { tryAdd } from './dialing';
import { runInboundCall, type CallPlan } from './inbound';
import { leave } from './leaving';
import { findPresent } from './legs';
import type { Call, Party } from './model';
import { addAndJoin, finishCall, growTo, talk } from './moves';
import { consultation, oneTooMany } from './plans';
import type { Script } from './scheduler';
import { holdCallerLong, muteSomeone, superviseCall } from './side-behaviours';

const primaryOf = (call: Call): Party | undefined => findPresent(call, (p) => p.primary);
const anyAgent = (call: Call): Party | undefined =>
  primaryOf(call) ?? findPresent(call, (p) => p.role === 'agent');
const external = (ctx: SimContext, mobile = false) =>
  ({ kind: 'external', number: drawPhoneNumber(ctx.rng, mobile), answer: true }) as const;
const agent = { kind: 'agent', answer: true } as const;

/** The mortgage closing: broker, spouse, a manager and a translator join caller and agent (6, R1). */
function* mortgageClosing(ctx: SimContext, call: Call): Script {
  const { broker, translator } = ctx.directory.phoneQuickConnects;
  ctx.clock.spawn(superviseCall(ctx, call, { barge: true, forceMute: true, delayMs: 60_000 }));
  yield* talk(ctx, 10_000, 20_000);
  const primary = primaryOf(call);
  if (!primary) return;
  yield* addAndJoin(ctx, call, primary, { kind: 'external', quickConnect: broker, answer: true });
  yield* talk(ctx, 8_000, 15_000);
  if (call.mode === 'multi-party') {
    yield* addAndJoin(ctx, call, primary, external(ctx, true));
    yield* talk(ctx, 8_000, 15_000);
    const manager = yield* addAndJoin(ctx, call, primary, agent, { contendR4: true });
    yield* talk(ctx, 8_000, 15_000);
    const adder = manager && manager.state !== 'disconnected' ? manager : (anyAgent(call) ?? primary);
    yield* addAndJoin(ctx, call, adder, { kind: 'external', quickConnect: translator, answer: true });
    yield* growTo(ctx, call, 6);
  }
  tryAdd(ctx, call);
  yield* talk(ctx, 90_000, 150_000);
  yield* finishCall(ctx, call, { customer: 0.3 });
}

/** Contact Lens on the root and on the added leg, with three on the call (A2, R26, R27). */
function* contactLensConflict(ctx: SimContext, call: Call): Script {
  yield* talk(ctx, 10_000, 20_000);
  const primary = primaryOf(call);
  if (primary) yield* addAndJoin(ctx, call, primary, { kind: 'agent', answer: true, contactLens: true });
  yield* talk(ctx, 60_000, 100_000);
  yield* finishCall(ctx, call);
}

function* longHold(ctx: SimContext, call: Call): Script {
  yield* talk(ctx, 10_000, 20_000);
  yield* holdCallerLong(ctx, call);
  yield* talk(ctx, 10_000, 30_000);
  leave(ctx, call, call.customer, 'CUSTOMER_DISCONNECT');
}

/** The agent adds an external party and leaves; caller and external party carry on (R23, E3, A4). */
function* noAgent(ctx: SimContext, call: Call): Script {
  yield* talk(ctx, 10_000, 15_000);
  const primary = primaryOf(call);
  const party = primary ? yield* addAndJoin(ctx, call, primary, external(ctx)) : null;
  yield* talk(ctx, 15_000, 30_000);
  if (primary) leave(ctx, call, primary, 'AGENT_DISCONNECT');
  yield* talk(ctx, 40_000, 80_000);
  if (party) leave(ctx, call, party, 'CUSTOMER_DISCONNECT');
  yield* finishCall(ctx, call);
}

/** The caller hangs up while three or more carry on, and they keep adding (R5, A5). */
function* callerDropped(ctx: SimContext, call: Call): Script {
  yield* talk(ctx, 10_000, 15_000);
  const primary = primaryOf(call);
  if (primary) yield* addAndJoin(ctx, call, primary, agent);
  if (primary && call.mode === 'multi-party') {
    ctx.clock.spawn(muteSomeone(ctx, call, { delayMs: 5_000, who: 'other' }));
    yield* addAndJoin(ctx, call, primary, external(ctx));
  }
  yield* talk(ctx, 20_000, 40_000);
  leave(ctx, call, call.customer, 'CUSTOMER_DISCONNECT');
  yield* talk(ctx, 10_000, 20_000);
  const adder = anyAgent(call);
  if (adder && call.mode === 'multi-party') yield* addAndJoin(ctx, call, adder, external(ctx));
  yield* talk(ctx, 20_000, 40_000);
  yield* finishCall(ctx, call);
}

/** The primary agent leaves and the others go on, adding while three or more remain (R6, A6). */
function* primaryLeft(ctx: SimContext, call: Call): Script {
  yield* talk(ctx, 10_000, 15_000);
  const primary = primaryOf(call);
  if (!primary) return;
  // Through a queue quick connect: the first agent offered lets it ring out, the next answers.
  const desk = ctx.directory.queueQuickConnects[0]!;
  yield* addAndJoin(ctx, call, primary, { kind: 'queue', quickConnect: desk, missFirst: true });
  if (call.mode === 'multi-party') {
    yield* addAndJoin(ctx, call, primary, external(ctx));
    yield* addAndJoin(ctx, call, primary, agent);
  }
  yield* talk(ctx, 15_000, 30_000);
  leave(ctx, call, primary, 'AGENT_DISCONNECT');
  yield* talk(ctx, 10_000, 20_000);
  const adder = anyAgent(call);
  if (adder && call.mode === 'multi-party') yield* addAndJoin(ctx, call, adder, external(ctx));
  yield* talk(ctx, 30_000, 60_000);
  yield* finishCall(ctx, call);
}

/** Caller and agent leave; only external parties remain, so the contact ends (R24, E2). */
function* onlyExternalsLeft(ctx: SimContext, call: Call): Script {
  yield* talk(ctx, 10_000, 15_000);
  const primary = primaryOf(call);
  if (!primary) return;
  yield* addAndJoin(ctx, call, primary, external(ctx));
  if (call.mode === 'multi-party') yield* addAndJoin(ctx, call, primary, external(ctx, true));
  yield* talk(ctx, 20_000, 40_000);
  leave(ctx, call, call.customer, 'CUSTOMER_DISCONNECT');
  yield* talk(ctx, 10_000, 20_000);
  leave(ctx, call, primary, 'AGENT_DISCONNECT');
}

function* monitoredTwoParty(ctx: SimContext, call: Call): Script {
  ctx.clock.spawn(superviseCall(ctx, call, { barge: false, forceMute: false, delayMs: 15_000 }));
  ctx.clock.spawn(muteSomeone(ctx, call, { delayMs: 20_000, who: 'self' }));
  yield* talk(ctx, 80_000, 120_000);
  yield* finishCall(ctx, call, { customer: 2 });
}

type Showcase = { scenario: string; body: CallPlan['body']; contactLens?: boolean; fault?: boolean };

function showcaseList(ctx: SimContext): Showcase[] {
  const list: Showcase[] = [
    { scenario: 'mortgage-closing', body: mortgageClosing, contactLens: false },
    { scenario: 'contact-lens-conflict', body: contactLensConflict, contactLens: true },
    { scenario: 'long-hold', body: longHold },
    { scenario: 'no-agent', body: noAgent, contactLens: false },
    { scenario: 'caller-dropped', body: callerDropped, contactLens: false },
    { scenario: 'primary-left', body: primaryLeft, contactLens: false },
    { scenario: 'cap-exceeded', body: oneTooMany, contactLens: false, fault: true },
    { scenario: 'only-externals-left', body: onlyExternalsLeft, contactLens: false },
    { scenario: 'consult', body: (c, call) => consultation(c, call, 'consult') },
    { scenario: 'warm-transfer', body: (c, call) => consultation(c, call, 'warm-transfer') },
    { scenario: 'monitored', body: monitoredTwoParty },
  ];
  if (ctx.config.mode === 'three-party')
    list.push({ scenario: 'swap', body: (c, call) => consultation(c, call, 'swap') });
  return list;
}

/** One call of each showcase scenario, arriving 8 s apart from the start of the run. */
export function* runShowcase(ctx: SimContext): Script {
  yield 2_000;
  for (const item of showcaseList(ctx)) {
    const plan: CallPlan = {
      scenario: item.scenario,
      queue:
        item.scenario === 'mortgage-closing' ? ctx.directory.queues.mortgages : ctx.directory.queues.general,
      fault: item.fault ?? false,
      urgent: true,
      body: item.body,
    };
    if (item.contactLens !== undefined) plan.contactLens = item.contactLens;
    ctx.clock.spawn(runInboundCall(ctx, plan));
    yield 8_000;
  }
}
