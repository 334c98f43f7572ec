import { syncAgent } from './agent-events';
import { reportCcpViews } from './ccp-snapshots';
import type { SimContext } from './context';
import { capOf, countedParties, type Call, type Party } from './model';

/** Records that `what` happened on this call (counted once per call in `stats()`). */
export function noteHappened(ctx: SimContext, call: Call, what: string): void {
  if (call.happened.has(what)) return;
  call.happened.add(what);
  ctx.stats.bump(`happened:${what}`);
}

/**
 * Marks the call changed. At the end of the current instant every agent on it sends its agent
 * event if its contact state moved, and every CCP on it reports if its view moved: several
 * changes made at one instant (a Join takes everyone off hold) give one report each.
 */
export function touch(ctx: SimContext, call: Call): void {
  if (call.flushPending) return;
  call.flushPending = true;
  ctx.clock.after(0, () => {
    call.flushPending = false;
    for (const party of call.parties) if (party.person) syncAgent(ctx, party.person);
    reportCcpViews(ctx, call);
    observe(ctx, call);
  });
}

/** Keeps the peak size and notes the situations the dashboard alerts on (A1, A2, A4, A7). */
function observe(ctx: SimContext, call: Call): void {
  if (!call.listed || call.ended) return;
  const counted = countedParties(call);
  const size = counted.length;
  if (size > call.peak) {
    if (call.peak > 0) ctx.stats.bump(`peak:${call.peak}`, -1);
    ctx.stats.bump(`peak:${size}`);
    if (size >= 3 && call.peak < 3) ctx.stats.bump('conferences');
    call.peak = size;
  }
  const cap = capOf(call.mode);
  if (size === cap) noteHappened(ctx, call, 'cap-reached');
  if (size > cap) noteHappened(ctx, call, 'cap-exceeded');
  if (size >= 3 && counted.some((p) => p.leg.contactLens?.enabled))
    noteHappened(ctx, call, 'contact-lens-conflict');
  const present = counted.filter((p) => p.state === 'connected' || p.state === 'hold');
  const has = (role: Party['role']) => present.some((p) => p.role === role);
  if (has('customer') && has('external') && !has('agent')) noteHappened(ctx, call, 'no-agent');
}

export function setHold(ctx: SimContext, call: Call, party: Party, held: boolean): void {
  if (party.state !== (held ? 'connected' : 'hold')) return;
  party.state = held ? 'hold' : 'connected';
  touch(ctx, call);
}

/** R19: before dialling, the agent puts everyone else on the call on hold. */
export function holdOthers(ctx: SimContext, call: Call, actor: Party): void {
  for (const party of call.parties) {
    if (party !== actor && party.role !== 'supervisor') setHold(ctx, call, party, true);
  }
  actor.holdingSince ??= ctx.clock.now();
}

/** R20: Join takes every party off hold. */
export function joinAll(ctx: SimContext, call: Call, actor: Party): void {
  for (const party of call.parties) setHold(ctx, call, party, false);
  stopHolding(ctx, actor);
}

/** Adds the time `actor` has held others to its leg's `agentInitiatedHoldDuration`. */
export function stopHolding(ctx: SimContext, actor: Party): void {
  if (actor.holdingSince === null) return;
  actor.leg.holdMs += ctx.clock.now() - actor.holdingSince;
  actor.holdingSince = null;
}

/** R20, R21: Swap toggles the agent between the held party and the one it is talking to. */
export function swap(ctx: SimContext, call: Call, actor: Party): void {
  const others = countedParties(call).filter((p) => p !== actor && p.state !== 'dialing');
  if (others.length !== 2) return;
  for (const party of others) setHold(ctx, call, party, party.state === 'connected');
}

export function setMuted(ctx: SimContext, call: Call, party: Party, muted: boolean): void {
  if (party.state === 'disconnected' || party.muted === muted) return;
  party.muted = muted;
  touch(ctx, call);
}

/** R18: a barging supervisor's force-mute; the agent cannot lift it itself. */
export function setForcedMute(ctx: SimContext, call: Call, party: Party, forced: boolean): void {
  if (party.state === 'disconnected' || party.forcedMute === forced) return;
  party.forcedMute = forced;
  touch(ctx, call);
}
