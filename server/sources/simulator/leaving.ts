import { startAfterContactWork, withdrawOffer } from './agent-legs';
import { noteHappened, setForcedMute, stopHolding, touch } from './call-state';
import { emitContactEvent } from './contact-events';
import type { SimContext } from './context';
import { countedParties, type Call, type Party } from './model';

export type DisconnectReason =
  'CUSTOMER_DISCONNECT' | 'AGENT_DISCONNECT' | 'THIRD_PARTY_DISCONNECT' | 'TELECOM_UNANSWERED';

/** `party` leaves the call (hangs up, is dropped, or was never answered); the call may end with it. */
export function leave(ctx: SimContext, call: Call, party: Party, reason: DisconnectReason): void {
  if (party.state === 'disconnected') return;
  const wasPrimaryOrCaller = party.primary || party.role === 'customer';
  disconnect(ctx, call, party, reason);
  settle(ctx, call);
  if (!call.ended && wasPrimaryOrCaller)
    noteHappened(ctx, call, party.primary ? 'primary-left' : 'caller-dropped');
  touch(ctx, call);
}

function disconnect(ctx: SimContext, call: Call, party: Party, reason: DisconnectReason): void {
  const answered = party.state !== 'dialing';
  const leg = party.leg;
  party.state = 'disconnected';
  stopHolding(ctx, party);
  if (call.dialing === party) call.dialing = null;
  if (party.ringing) {
    withdrawOffer(ctx, party.ringing, leg);
    party.ringing = null;
  }
  // DISCONNECTED on the root means the caller left; the primary agent leaves through its agent events.
  if (!party.primary) {
    leg.disconnectedAt = ctx.clock.now();
    leg.disconnectReason = reason;
    emitContactEvent(ctx, leg, 'DISCONNECTED');
  }
  if (party.role === 'customer') completeRoot(ctx, call);
  if (party.role === 'supervisor' && party.monitorMode === 'barge') {
    // R18: a force-mute lasts until the supervisor lifts it or leaves.
    for (const other of call.parties) setForcedMute(ctx, call, other, false);
  }
  if ((party.role === 'agent' || party.role === 'supervisor') && party.person && answered) {
    startAfterContactWork(ctx, party, () => {
      if (party.primary) completeRoot(ctx, call);
      else {
        leg.completed = true;
        emitContactEvent(ctx, leg, 'COMPLETED');
      }
    });
  }
}

/** The root contact completes once its caller has gone and its primary agent has finished ACW. */
function completeRoot(ctx: SimContext, call: Call): void {
  const root = call.root;
  if (root.completed || call.customer.state !== 'disconnected') return;
  if (root.person === null) {
    root.completed = true;
    return;
  }
  if (root.acwEndAt === null) return;
  root.completed = true;
  emitContactEvent(ctx, root, 'COMPLETED');
}

/**
 * Ends the call when the platform would: nobody left (E1), only external parties left (R24, E2),
 * or, once an agent has answered, one party alone. Caller and external party with no agent carry
 * on (R23, E3). Everyone still on an ended call, supervisors too, is disconnected.
 */
export function settle(ctx: SimContext, call: Call): void {
  if (call.ended) return;
  const counted = countedParties(call);
  const withCallerOrAgent = counted.some((p) => p.role === 'customer' || p.role === 'agent');
  const over = counted.length === 0 || !withCallerOrAgent || (call.listed && counted.length === 1);
  if (!over) return;
  if (counted.length > 0 && !withCallerOrAgent) noteHappened(ctx, call, 'only-externals-left');
  call.ended = true;
  ctx.calls.delete(call.rootId);
  for (const party of call.parties) {
    if (party.state === 'disconnected') continue;
    disconnect(ctx, call, party, party.role === 'customer' ? 'AGENT_DISCONNECT' : 'THIRD_PARTY_DISCONNECT');
  }
  touch(ctx, call);
}
