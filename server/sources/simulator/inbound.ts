import { answerLeg, missOffer, offerLeg } from './agent-legs';
import { emitContactEvent } from './contact-events';
import type { SimContext } from './context';
import { drawPhoneNumber } from './directory';
import { leave } from './leaving';
import { createLeg, createParty, drawContactLens, personName } from './legs';
import type { Call, Person, Queue } from './model';
import type { Script } from './scheduler';

/** How a call will go once an agent has it; chosen when it arrives. */
export type CallPlan = {
  scenario: string;
  queue: Queue;
  fault: boolean;
  /** Showcase calls go to the front of the queue so that they happen early in a run. */
  urgent: boolean;
  /** Contact Lens on the root leg, set by the inbound flow (undefined: drawn from the share). */
  contactLens?: boolean;
  body: (ctx: SimContext, call: Call) => Script;
};

/** A customer calls in: the flow answers, maybe sets Contact Lens, queues, and an agent takes it. */
export function* runInboundCall(ctx: SimContext, plan: CallPlan): Script {
  const { rng, clock } = ctx;
  const root = createLeg(ctx, null, 'INBOUND', null);
  root.endpoint = drawPhoneNumber(rng, rng.chance(0.6));
  const customer = createParty(root, 'customer', { phoneNumber: root.endpoint });
  customer.state = 'connected';
  const call: Call = {
    rootId: root.contactId,
    mode: ctx.config.mode,
    scenario: plan.scenario,
    fault: plan.fault,
    root,
    customer,
    parties: [customer],
    listed: false,
    ended: false,
    dialing: null,
    flushPending: false,
    peak: 0,
    happened: new Set(),
  };
  ctx.calls.set(call.rootId, call);
  ctx.stats.bump('calls');
  ctx.stats.bump(`scenario:${plan.scenario}`);
  emitContactEvent(ctx, root, 'INITIATED');
  yield rng.between(300, 1_500);
  root.connectedToSystemAt = clock.now();
  emitContactEvent(ctx, root, 'CONNECTED_TO_SYSTEM');
  yield rng.between(1_000, 4_000);
  const contactLens = drawContactLens(ctx, plan.contactLens);
  if (contactLens) {
    // The flow's "Set recording and analytics behavior" block announces the setting.
    root.contactLens = contactLens;
    emitContactEvent(ctx, root, 'CONTACT_DATA_UPDATED');
    yield rng.between(500, 2_000);
  }
  root.queue = plan.queue;
  root.enqueuedAt = clock.now();
  emitContactEvent(ctx, root, 'QUEUED');
  yield plan.urgent ? rng.between(5_000, 8_000) : rng.between(5_000, 60_000);
  const agent = yield* connectPrimary(ctx, call, plan.urgent, root.enqueuedAt + rng.between(90_000, 300_000));
  if (!agent) {
    ctx.stats.bump('abandoned');
    leave(ctx, call, customer, 'CUSTOMER_DISCONNECT');
    return;
  }
  yield* plan.body(ctx, call);
}

/** Offers the call to free agents until one answers, or the caller gives up at `patienceEnd`. */
function* connectPrimary(
  ctx: SimContext,
  call: Call,
  urgent: boolean,
  patienceEnd: number,
): Script<Person | null> {
  for (;;) {
    const person = yield* waitForAgent(ctx, urgent, patienceEnd);
    if (!person) return null;
    offerLeg(ctx, person, call.root, call.customer);
    yield ctx.rng.between(2_000, 6_000);
    if (!urgent && ctx.rng.chance(0.03)) {
      missOffer(ctx, person, call.root);
      urgent = true;
      continue;
    }
    const primary = createParty(call.root, 'agent', {
      primary: true,
      person,
      name: personName(person),
    });
    call.parties.push(primary);
    call.listed = true;
    answerLeg(ctx, call, primary, person);
    return person;
  }
}

function* waitForAgent(ctx: SimContext, urgent: boolean, deadline: number): Script<Person | null> {
  let assigned = null as Person | null;
  yield (wake) => {
    const cancel = ctx.agents.request((person) => {
      assigned = person;
      wake();
    }, urgent);
    ctx.clock.at(Math.max(deadline, ctx.clock.now()), () => {
      if (assigned) return;
      cancel();
      wake();
    });
  };
  return assigned;
}
