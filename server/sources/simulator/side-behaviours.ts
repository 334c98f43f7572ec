import { answerLeg } from './agent-legs';
import { noteHappened, setForcedMute, setHold, setMuted, stopHolding, touch } from './call-state';
import { emitContactEvent } from './contact-events';
import type { SimContext } from './context';
import { leave } from './leaving';
import { createLeg, createParty, findPresent, personName } from './legs';
import { presentAgents, type Call, type Party } from './model';
import type { Script } from './scheduler';

const present = (p: Party) => p.state === 'connected' || p.state === 'hold';

export type MonitorPlan = { barge: boolean; forceMute: boolean; delayMs?: number };

/**
 * A supervisor from the supervisor pool monitors the call (a MONITOR leg, never counted, R2);
 * when barging it may force-mute an agent (R18), which lasts until it lifts it or leaves.
 */
export function* superviseCall(ctx: SimContext, call: Call, plan: MonitorPlan): Script {
  const { rng } = ctx;
  yield plan.delayMs ?? rng.between(10_000, 40_000);
  if (call.ended) return;
  const supervisor = ctx.supervisors.take();
  if (!supervisor) return;
  const leg = createLeg(ctx, call.rootId, 'MONITOR', call.rootId);
  const party = createParty(leg, 'supervisor', { person: supervisor, name: personName(supervisor) });
  party.monitorMode = 'silent';
  call.parties.push(party);
  emitContactEvent(ctx, leg, 'INITIATED');
  yield rng.between(800, 2_000);
  if (call.ended) {
    leave(ctx, call, party, 'AGENT_DISCONNECT');
    ctx.supervisors.release(supervisor);
    return;
  }
  answerLeg(ctx, call, party, supervisor);
  noteHappened(ctx, call, 'monitored');
  yield rng.between(15_000, 45_000);
  if (plan.barge && !call.ended) {
    party.monitorMode = 'barge';
    noteHappened(ctx, call, 'barged');
    touch(ctx, call);
    const agents = presentAgents(call);
    if (plan.forceMute && agents.length > 0) {
      const agent = rng.pick(agents);
      setForcedMute(ctx, call, agent, true);
      noteHappened(ctx, call, 'force-muted');
      yield rng.between(10_000, 30_000);
      if (rng.chance(0.7)) setForcedMute(ctx, call, agent, false);
    }
  }
  yield rng.between(10_000, 60_000);
  leave(ctx, call, party, 'AGENT_DISCONNECT');
}

/**
 * Someone mutes someone for a while: an agent itself (both modes), or, in multi-party mode, an
 * agent mutes another party (R12). Only the muted agent unmutes itself (R13); a muted caller or
 * external party is unmuted by an agent.
 */
export function* muteSomeone(
  ctx: SimContext,
  call: Call,
  plan: { delayMs?: number; who?: 'self' | 'other' } = {},
): Script {
  const { rng } = ctx;
  yield plan.delayMs ?? rng.between(15_000, 60_000);
  const agents = presentAgents(call).filter((p) => !p.forcedMute);
  if (call.ended || agents.length === 0) return;
  const actor = rng.pick(agents);
  const others = call.parties.filter((p) => p !== actor && present(p) && p.role !== 'supervisor');
  const other =
    call.mode === 'multi-party' && others.length > 0 && (plan.who ? plan.who === 'other' : rng.chance(0.5));
  const target = other ? rng.pick(others) : actor;
  setMuted(ctx, call, target, true);
  noteHappened(ctx, call, target === actor ? 'self-muted' : 'muted-other');
  yield rng.between(5_000, 25_000);
  setMuted(ctx, call, target, false);
}

/** The primary agent holds the caller for over a minute (A3), then resumes. */
export function* holdCallerLong(ctx: SimContext, call: Call): Script {
  const primary = findPresent(call, (p) => p.primary);
  if (!primary || call.customer.state !== 'connected') return;
  setHold(ctx, call, call.customer, true);
  primary.holdingSince ??= ctx.clock.now();
  noteHappened(ctx, call, 'long-hold');
  yield ctx.rng.between(70_000, 120_000);
  setHold(ctx, call, call.customer, false);
  stopHolding(ctx, primary);
}

/** Side activity for an ordinary call, drawn from the configured shares. */
export function spawnSideActivity(ctx: SimContext, call: Call): void {
  const { rng, config, clock } = ctx;
  if (rng.chance(config.monitorShare)) {
    const barge = rng.chance(0.5);
    clock.spawn(superviseCall(ctx, call, { barge, forceMute: barge && rng.chance(0.6) }));
  }
  if (rng.chance(config.muteShare)) clock.spawn(muteSomeone(ctx, call));
}
