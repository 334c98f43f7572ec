import type { RecordedItem } from '../recording';
import { HEART_BEAT_MS, emitAgentEvent } from './agent-events';
import { createAgentPool } from './agent-pool';
import { SimulatorConfigSchema, type SimulatorConfig } from './config';
import type { SimContext } from './context';
import { createDelivery } from './delivery';
import { createDirectory } from './directory';
import { runInboundCall } from './inbound';
import { drawPlan } from './plans';
import { createRng } from './random';
import { createScheduler, type Script } from './scheduler';
import { runShowcase } from './showcase';
import { createStats } from './stats';
import { buildTruth, type TruthSnapshot } from './truth';

export type Simulator = {
  /** Items whose delivery time is ≤ untilMs, in delivery order; advances the simulation. */
  advance(untilMs: number): RecordedItem[];
  /** The true state at the current simulated time (calls with an agent connected and not yet ended). */
  truth(): TruthSnapshot;
  /** Counters: calls, conferences, refusedR1, refusedR4, duplicates, reordered, lost, `scenario:…`, `happened:…`, `peak:…`. */
  stats(): Record<string, number>;
};

/** The counters a run's summary names, in the order a person reads them; every run reports them. */
export const SUMMARY_COUNTERS = [
  'calls',
  'conferences',
  'abandoned',
  'refusedR1',
  'refusedR4',
  'faults',
  'duplicates',
  'reordered',
  'lost',
] as const;

const ALWAYS_REPORTED = [...SUMMARY_COUNTERS, 'items'];

/** A seeded contact centre: the same configuration always yields the same items and truth. */
export function createSimulator(config: Partial<SimulatorConfig> = {}): Simulator {
  const parsed = SimulatorConfigSchema.parse(config);
  const seed = createRng(parsed.seed);
  const stats = createStats();
  for (const key of ALWAYS_REPORTED) stats.bump(key, 0);
  const directory = createDirectory(parsed, seed.fork('directory'));
  const behaviour = seed.fork('behaviour');
  const ctx: SimContext = {
    config: parsed,
    rng: behaviour,
    // Run 0 keeps the stream every recording so far was made with.
    ids: seed.fork(parsed.run === 0 ? 'ids' : `ids/run-${parsed.run}`),
    format: seed.fork('format'),
    clock: createScheduler(parsed.startAt),
    directory,
    delivery: createDelivery(parsed, seed.fork('delivery'), stats),
    stats,
    calls: new Map(),
    agents: createAgentPool(directory.agents, behaviour),
    supervisors: createAgentPool(directory.supervisors, behaviour),
  };
  for (const person of [...directory.agents, ...directory.supervisors]) {
    ctx.clock.at(parsed.startAt + behaviour.between(0, 3_000), () => {
      person.loginAt = ctx.clock.now();
      emitAgentEvent(ctx, person, 'LOGIN');
    });
  }
  ctx.clock.spawn(heartBeats(ctx));
  if (parsed.showcase) ctx.clock.spawn(runShowcase(ctx));
  if (parsed.callsPerMinute > 0) ctx.clock.spawn(arrivals(ctx));
  return {
    advance(untilMs) {
      ctx.clock.runUntil(untilMs);
      return ctx.delivery.drain(untilMs);
    },
    truth: () => buildTruth(ctx),
    stats: () => stats.snapshot(),
  };
}

/** Poisson arrivals at `callsPerMinute`. */
function* arrivals(ctx: SimContext): Script {
  const meanGap = 60_000 / ctx.config.callsPerMinute;
  for (;;) {
    yield ctx.rng.exponential(meanGap);
    ctx.clock.spawn(runInboundCall(ctx, drawPlan(ctx)));
  }
}

/** HEART_BEAT for everyone who has sent nothing for 120 s. */
function* heartBeats(ctx: SimContext): Script {
  const people = [...ctx.directory.agents, ...ctx.directory.supervisors];
  for (;;) {
    yield 10_000;
    const now = ctx.clock.now();
    for (const person of people)
      if (now - person.lastEventAt >= HEART_BEAT_MS) emitAgentEvent(ctx, person, 'HEART_BEAT');
  }
}
