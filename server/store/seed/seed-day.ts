import {
  applyEvent,
  archiveConference,
  conferenceModel,
  createEngine,
  listedRecord,
  pruneEngine,
  toConferenceView,
  type ConferenceMode,
  type ConferenceView,
} from '@/lib/conference';
import { createNormalizeContext } from '@/server/ingest/normalize-context';
import { NORMALIZERS } from '@/server/ingest/streams';
import { createAgentPool } from '@/server/sources/simulator/agent-pool';
import { SimulatorConfigSchema } from '@/server/sources/simulator/config';
import type { SimContext } from '@/server/sources/simulator/context';
import { createDelivery } from '@/server/sources/simulator/delivery';
import type { Directory } from '@/server/sources/simulator/directory';
import { runInboundCall } from '@/server/sources/simulator/inbound';
import { drawPlan } from '@/server/sources/simulator/plans';
import { createRng } from '@/server/sources/simulator/random';
import { createScheduler, type Script } from '@/server/sources/simulator/scheduler';
import { createStats } from '@/server/sources/simulator/stats';

/** Relative call volume by local hour: quiet nights, a morning peak, a lunch dip, an afternoon peak. */
const HOURLY_WEIGHT = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 4, 8, 10, 10, 9, 7, 8, 9, 9, 8, 6, 4, 3, 2.5, 2, 1.5, 1.2,
];
const HOURLY_TOTAL = HOURLY_WEIGHT.reduce((a, b) => a + b, 0);

const STEP_MS = 5_000;
/** As the hub's ENDED_GRACE_SECONDS: late items about an ended call still reach its record. */
const GRACE_MS = 30_000;
/** A call still running this long after the day's last arrival is ended as stale. */
const DRAIN_LIMIT_MS = 6 * 3_600_000;

export type SeedDay = {
  seed: number;
  /** Day number within the run: gives each day its own random streams (and contact ids). */
  index: number;
  start: number;
  end: number;
  /** Expected arrivals over the day. */
  perDay: number;
  mode: ConferenceMode;
  directory: Directory;
};

/** Poisson arrivals whose rate follows the hourly curve across the day's 24 equal slots. */
function* arrivals(ctx: SimContext, day: SeedDay): Script {
  const expected = day.perDay;
  const slot = (day.end - day.start) / 24;
  for (let h = 0; h < 24; h++) {
    const slotEnd = day.start + (h + 1) * slot;
    const meanGap = slot / ((expected * HOURLY_WEIGHT[h]!) / HOURLY_TOTAL);
    for (
      let at = ctx.clock.now() + ctx.rng.exponential(meanGap);
      at < slotEnd;
      at += ctx.rng.exponential(meanGap)
    ) {
      yield at - ctx.clock.now();
      ctx.clock.spawn(runInboundCall(ctx, drawPlan(ctx)));
    }
    yield Math.max(0, slotEnd - ctx.clock.now());
  }
}

function createContext(day: SeedDay): SimContext {
  const config = SimulatorConfigSchema.parse({
    seed: day.seed,
    startAt: Math.floor(day.start),
    mode: day.mode,
    showcase: false,
    duplicateRate: 0,
    reorderRate: 0,
    lossRate: 0,
  });
  const rng = createRng(day.seed, `seed-day-${day.index}`);
  const behaviour = rng.fork('behaviour');
  const stats = createStats();
  return {
    config,
    rng: behaviour,
    ids: rng.fork('ids'),
    format: rng.fork('format'),
    clock: createScheduler(day.start),
    directory: day.directory,
    delivery: createDelivery(config, rng.fork('delivery'), stats),
    stats,
    calls: new Map(),
    agents: createAgentPool(day.directory.agents, behaviour),
    supervisors: createAgentPool(day.directory.supervisors, behaviour),
  };
}

/**
 * One simulated day of the contact centre, as history would hold it: the simulator's own call
 * model (plans, holds, Contact Lens, queues, agents) produces the raw Amazon Connect items, ingest
 * normalizes them and the real engine folds them, and each listed call is taken as its history
 * record once it has ended and its grace time has passed — what the hub archives. The day runs
 * until its last call is over, so calls started late in the day end after midnight.
 */
export function simulateSeedDay(day: SeedDay): ConferenceView[] {
  const ctx = createContext(day);
  const engine = createEngine({ mode: day.mode });
  ctx.clock.spawn(arrivals(ctx, day));
  const endedSeen = new Map<string, number>();
  const changed = new Set<string>();
  const views: ConferenceView[] = [];
  const archive = (id: string, now: number) => {
    const record = listedRecord(engine, id);
    if (record) views.push(toConferenceView(record.model, engine.settings.longHoldMs, now));
    archiveConference(engine, id, now);
    endedSeen.delete(id);
  };
  for (let now = day.start + STEP_MS; ; now += STEP_MS) {
    ctx.clock.runUntil(now);
    for (const item of ctx.delivery.drain(now)) {
      const normalized = NORMALIZERS[item.stream](item.payload, createNormalizeContext(now));
      if (normalized.kind !== 'event') continue;
      for (const id of applyEvent(engine, normalized.event, now).changed) changed.add(id);
    }
    for (const id of changed) {
      const model = conferenceModel(engine, id);
      if (model?.endedAt === undefined) endedSeen.delete(id);
      else if (!endedSeen.has(id)) endedSeen.set(id, now);
    }
    changed.clear();
    for (const [id, seen] of endedSeen) if (now - seen >= GRACE_MS) archive(id, now);
    if (now % 60_000 < STEP_MS) pruneEngine(engine, now);
    const drained = ctx.calls.size === 0 && endedSeen.size === 0;
    if (now >= day.end && (drained || now >= day.end + DRAIN_LIMIT_MS)) break;
  }
  return views;
}
