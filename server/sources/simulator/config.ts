import { z } from 'zod';
import { ConferenceModeSchema } from '@/lib/conference';

const share = z.number().min(0).max(1);
const weight = z.number().min(0).max(1_000_000);

export const PARTY_SIZES = ['2', '3', '4', '5', '6'] as const;
export type PartySize = (typeof PARTY_SIZES)[number];

/** Relative weights of the size a growing call aims for (2 = it stays a two-party call). */
export const PartyMixSchema = z
  .object({ '2': weight, '3': weight, '4': weight, '5': weight, '6': weight })
  .refine(
    (mix) => PARTY_SIZES.some((size) => mix[size] > 0),
    'at least one party size needs a weight above 0',
  );
export type PartyMix = z.infer<typeof PartyMixSchema>;

const DEFAULT_PARTY_MIX: PartyMix = { '2': 1, '3': 6, '4': 3, '5': 2, '6': 1 };

/** Monday 23 November 2026, 09:00 UTC: a fixed default so that runs repeat. */
export const DEFAULT_START_AT = Date.UTC(2026, 10, 23, 9, 0, 0);

/** Every simulator option, each with a default; `createSimulator` validates against it. */
export const SimulatorConfigSchema = z
  .object({
    seed: z.number().int().min(-2_147_483_648).max(4_294_967_295).default(1),
    /**
     * Which run of this seed. The contact centre (people, queues, ARNs) comes from the seed alone;
     * contact, event and connection ids come from the seed and the run, so a restarted simulator
     * never repeats an earlier run's ids (which the sidecar would drop as duplicates, O1).
     */
    run: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    /** Simulated start time, epoch ms. */
    startAt: z.number().int().min(0).max(8_640_000_000_000).default(DEFAULT_START_AT),
    mode: ConferenceModeSchema.default('multi-party'),
    agents: z.number().int().min(1).max(20_000).default(40),
    supervisors: z.number().int().min(0).max(2_000).default(4),
    /** Mean inbound arrivals per minute (Poisson). */
    callsPerMinute: z.number().min(0).max(100_000).default(4),
    /** Share of calls that grow beyond caller and agent, toward a size drawn from `partyMix`. */
    conferenceProbability: share.default(0.35),
    partyMix: PartyMixSchema.default(DEFAULT_PARTY_MIX),
    /** Share of contact legs with Contact Lens switched on (R27: decided per leg). */
    contactLensShare: share.default(0.3),
    /** Share of calls in which the caller is held for more than a minute. */
    longHoldShare: share.default(0.05),
    /** Share of calls hit by the platform fault that lets one party too many join. */
    faultRate: share.default(0.002),
    /** Share of calls a supervisor monitors (half of them barge). */
    monitorShare: share.default(0.08),
    /** Share of calls in which someone mutes someone. */
    muteShare: share.default(0.2),
    duplicateRate: share.default(0.01),
    reorderRate: share.default(0.02),
    lossRate: share.default(0),
    /** Share of contact events whose `detail` keys are PascalCase. */
    pascalCaseShare: share.default(0.05),
    /** Schedules one call of each showcase scenario in the first minutes of the run. */
    showcase: z.boolean().default(true),
    accountId: z
      .string()
      .regex(/^\d{12}$/, 'an AWS account id has 12 digits')
      .default('111122223333'),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a region looks like eu-central-1')
      .default('eu-central-1'),
    instanceId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'an instance id is letters, digits and dashes')
      .default('5d8e2f14-6b3a-4c9e-9a71-0f2b8c4d6e13'),
  })
  .strict();

export type SimulatorConfig = z.infer<typeof SimulatorConfigSchema>;
