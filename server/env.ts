import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The sidecar's environment: every variable it reads, parsed and checked once at start. A bad value
 * stops the process with a message naming the variable and what it accepts.
 */

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const num = (min: number, max: number) => z.coerce.number().min(min).max(max);

const PartyMixSchema = z
  .string()
  .regex(
    /^\s*[2-6]\s*:\s*\d+(\.\d+)?\s*(,\s*[2-6]\s*:\s*\d+(\.\d+)?\s*)*$/,
    'use size:weight pairs, e.g. "2:40,3:25,4:15,5:10,6:10"',
  )
  .transform((value) =>
    Object.fromEntries(
      value
        .split(',')
        .map((pair) => pair.split(':').map((s) => s.trim()) as [string, string])
        .map(([k, v]) => [k, Number(v)]),
    ),
  );

export const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  SIDECAR_PORT: int(0, 65535).default(4000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  INGEST_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SOURCE: z.enum(['simulator', 'replay', 'none']).default('simulator'),
  REPLAY_FILE: z.string().min(1).optional(),
  REPLAY_SPEED: z.union([z.literal('max'), num(0.01, 10_000)]).default(1),
  CONFERENCE_MODE: z.enum(['multi-party', 'three-party']).default('multi-party'),
  LONG_HOLD_SECONDS: int(1, 86_400).default(60),
  ORPHAN_TTL_SECONDS: int(1, 86_400).default(300),
  ENDED_GRACE_SECONDS: int(0, 3_600).default(30),
  STALE_CONFERENCE_HOURS: num(0.0001, 168).default(4),
  PUSH_COALESCE_MS: int(0, 10_000).default(100),
  MAX_BODY_BYTES: int(1_024, 64 * 1024 * 1024).default(1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REQUEST_TIMEOUT_SECONDS: int(1, 600).default(30),
  INGEST_REQUESTS_PER_MINUTE: int(1, 10_000_000).default(30_000),
  API_MAX_PAGE: int(1, 100_000).default(1_000),
  SOCKET_MESSAGES_PER_SECOND: int(1, 10_000).default(20),
  SOCKET_MAX_WATCHED: int(1, 10_000).default(50),
  SOCKET_RESYNC_MIN_MS: int(0, 600_000).default(2_000),
  MAX_LIVE_CONFERENCES: int(1, 10_000_000).default(20_000),
  MAX_ORPHAN_ROOTS: int(1, 10_000_000).default(10_000),
  INGEST_TIME_WINDOW_HOURS: num(0.01, 87_600).default(24),
  CONNECT_CONSOLE_URL: z.url({ protocol: /^https?$/ }).optional(),
  INGEST_CORS_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((origin) => new URL(origin).origin)))
    .default([]),
  CONNECT_INSTANCE_ID: z
    .string()
    .regex(/^[0-9a-f-]{36}$/, 'the instance id (a UUID) from the instance ARN')
    .optional(),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'a region looks like eu-central-1')
    .optional(),
  CONNECT_RECONCILE_SECONDS: int(5, 3_600).default(30),
  CONNECT_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  SIM_SEED: int(0, 2 ** 31 - 1).optional(),
  SIM_AGENTS: int(2, 5_000).optional(),
  SIM_SUPERVISORS: int(0, 500).optional(),
  SIM_CALLS_PER_MINUTE: num(0, 10_000).optional(),
  SIM_CONFERENCE_PROBABILITY: num(0, 1).optional(),
  SIM_PARTY_MIX: PartyMixSchema.optional(),
  SIM_CONTACT_LENS_SHARE: num(0, 1).optional(),
  SIM_DUPLICATE_RATE: num(0, 1).optional(),
  SIM_REORDER_RATE: num(0, 1).optional(),
  SIM_LOSS_RATE: num(0, 1).optional(),
  SIM_SPEED: num(0.1, 1_000).default(1),
});

export type Env = z.infer<typeof EnvSchema> & { INGEST_TOKEN: string; ingestTokenGenerated: boolean };

export class EnvError extends Error {}

/** Parses `source` (process.env by default); throws EnvError listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) =>
        `  ${issue.path.join('.')}=${JSON.stringify(cleaned[String(issue.path[0])] ?? '')}: ${issue.message}`,
    );
    throw new EnvError(`confwatch sidecar: bad environment\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.CONNECT_INSTANCE_ID && !env.AWS_REGION)
    throw new EnvError('confwatch sidecar: CONNECT_INSTANCE_ID needs AWS_REGION');
  if (env.CONNECT_INSTANCE_ID && env.SOURCE !== 'none') {
    throw new EnvError(
      'confwatch sidecar: CONNECT_INSTANCE_ID (reconciliation with a real instance) needs SOURCE=none',
    );
  }
  if (env.SOURCE === 'replay' && !env.REPLAY_FILE)
    throw new EnvError('confwatch sidecar: SOURCE=replay needs REPLAY_FILE');
  const generated = env.INGEST_TOKEN === undefined;
  return {
    ...env,
    INGEST_TOKEN: env.INGEST_TOKEN ?? randomBytes(24).toString('base64url'),
    ingestTokenGenerated: generated,
  };
}
