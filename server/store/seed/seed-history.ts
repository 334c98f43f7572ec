import type { ConferenceMode, ConferenceView } from '@/lib/conference';
import { addDays, localDateOf, localDays, localParts, type LocalDay } from '@/lib/reports/zone-time';
import { SimulatorConfigSchema } from '@/server/sources/simulator/config';
import { createDirectory } from '@/server/sources/simulator/directory';
import { createRng } from '@/server/sources/simulator/random';
import type { Store } from '../store';
import { relocateView } from './relocate-view';
import { simulateSeedDay } from './seed-day';
import { findLiveData } from './seed-guard';

export type SeedOptions = {
  days: number;
  perDay: number;
  seed: number;
  /** Days are laid out (and the time-of-day curve followed) in this zone. */
  timeZone: string;
  mode: ConferenceMode;
  force: boolean;
  /** Today: the seed writes the `days` full days before it. */
  now: number;
};

export type SeedProgress = { phase: 'simulate' | 'write'; done: number; total: number; calls: number };
export type SeedResult = { calls: number; from: string; to: string; simulatedDays: number };

/** At most this many days are simulated in full; the rest are laid out from them. */
const POOL_DAYS = 3;
const WRITE_BATCH = 1_000;
/** Each day keeps 88–100 % of its pool day's calls (weekends half that): the mean that leaves. */
const MEAN_KEEP = 0.94;
/** The share of a week's days' calls kept when weekends keep half: (5 + 2 × ½) / 7. */
const WEEK_KEEP = 6 / 7;

export class SeedRefusedError extends Error {
  override name = 'SeedRefusedError';
}

/**
 * Fills `store` with `days` of realistic history ending yesterday (in `timeZone`). Up to three
 * days are simulated in full — the simulator's call model through ingest normalization and the
 * real engine, as `simulateSeedDay` — and every day of the range is laid out from one of them:
 * its calls moved to that date at the same local time, with new contact ids, weekends thinned to
 * half. Simulating all 90 days in full would take about 25 minutes of CPU; this takes a few.
 */
export async function seedHistory(
  store: Store,
  o: SeedOptions,
  onProgress: (p: SeedProgress) => void = () => undefined,
): Promise<SeedResult> {
  const today = localDateOf(o.now, o.timeZone);
  const days = localDays(addDays(today, -o.days), addDays(today, -1), o.timeZone);
  const reason = await findLiveData(store, days[0]!.start);
  if (reason && !o.force)
    throw new SeedRefusedError(`refusing to seed: ${reason}. Use --force to seed anyway.`);

  const config = SimulatorConfigSchema.parse({
    seed: o.seed,
    agents: Math.min(5_000, Math.max(10, Math.ceil(o.perDay / 30))),
    supervisors: 4,
  });
  const directory = createDirectory(config, createRng(o.seed).fork('directory'));
  const poolDays = days.slice(0, Math.min(POOL_DAYS, days.length));
  const pool: ConferenceView[][] = [];
  const simulatedPerDay = o.perDay / MEAN_KEEP / WEEK_KEEP;
  let calls = 0;
  for (const [index, day] of poolDays.entries()) {
    onProgress({ phase: 'simulate', done: index, total: poolDays.length, calls });
    pool.push(
      simulateSeedDay({
        seed: o.seed,
        index,
        start: day.start,
        end: day.end,
        perDay: simulatedPerDay,
        mode: o.mode,
        directory,
      }),
    );
  }
  onProgress({ phase: 'simulate', done: poolDays.length, total: poolDays.length, calls });

  const rng = createRng(o.seed, 'seed-history');
  let batch: ConferenceView[] = [];
  for (const [d, day] of days.entries()) {
    const source = poolDays[d % poolDays.length]!;
    const keep = keepShare(day, o.timeZone) * (0.88 + 0.12 * rng.next());
    for (const view of pool[d % poolDays.length]!) {
      if (rng.next() >= keep) continue;
      batch.push(d < poolDays.length ? view : relocateView(view, day.start - source.start, () => rng.uuid()));
      if (batch.length >= WRITE_BATCH) {
        await store.writeHistory(batch, o.now);
        calls += batch.length;
        batch = [];
      }
    }
    onProgress({ phase: 'write', done: d + 1, total: days.length, calls: calls + batch.length });
  }
  if (batch.length > 0) await store.writeHistory(batch, o.now);
  calls += batch.length;
  return { calls, from: days[0]!.date, to: days[days.length - 1]!.date, simulatedDays: poolDays.length };
}

/** Weekdays keep every call, Saturdays and Sundays half. */
function keepShare(day: LocalDay, timeZone: string): number {
  return localParts(day.start + 12 * 3_600_000, timeZone).weekday >= 5 ? 0.5 : 1;
}
