import { accessSync, constants } from 'node:fs';
import { z } from 'zod';
import {
  decimal,
  hostName,
  httpUrl,
  matching,
  oneOf,
  port,
  showLength,
  showWithoutPassword,
  wholeNumber,
} from './env-fields';
import { allow, configProblem, parseEnvironment, throwProblems, type EnvSource } from './env-parse';
import { resolveSecrets, type SecretName, type StoredSecret } from './stored-secrets';
import { ConferenceModeSchema } from '@/lib/conference';
import { isTimeZone } from '@/lib/reports/zone-time';

export { EnvError } from './env-parse';

/**
 * The sidecar's environment: every variable it reads, parsed and checked once at start. A bad value
 * stops the process (exit code 2) with one line naming the variable, its value and what it accepts.
 */

const PARTY_MIX = /^\s*[2-6]\s*:\s*\d+(\.\d+)?\s*(,\s*[2-6]\s*:\s*\d+(\.\d+)?\s*)*$/;

const PartyMixSchema = allow(
  z
    .string()
    .regex(PARTY_MIX)
    .transform((value) =>
      Object.fromEntries(
        value
          .split(',')
          .map((pair) => pair.split(':').map((s) => s.trim()) as [string, string])
          .map(([k, v]) => [k, Number(v)]),
      ),
    )
    .refine((mix) => Object.values(mix).some((weight) => weight > 0)),
  'size:weight pairs for sizes 2 to 6, at least one weight above 0, e.g. "2:40,3:25,4:15,5:10,6:10"',
);

const CorsOriginsSchema = allow(
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((origin) => new URL(origin).origin))),
  'comma-separated http(s) origins, e.g. "https://acme.my.connect.aws,https://ccp.example.com"',
);

const share = () => decimal(0, 1);

export const EnvSchema = z.object({
  HOST: hostName().default('127.0.0.1'),
  /** Where the sidecar listens when it is not HOST (`npm start` keeps it on loopback without it). */
  SIDECAR_HOST: hostName().optional(),
  SIDECAR_PORT: port().default(4000),
  DATA_DIR: allow(z.string(), 'a directory path').default('./data'),
  DATABASE_URL: matching(
    /^postgres(ql)?:\/\/.+/,
    'a postgres:// or postgresql:// URL, e.g. postgres://user:password@db.example:5432/confwatch',
    showWithoutPassword,
  ).optional(),
  INGEST_TOKEN: matching(
    /^[\x21-\x7e]{16,}$/,
    'at least 16 characters, no spaces (or leave it unset: one is generated and kept in DATA_DIR)',
    showLength,
  ).optional(),
  SOURCE: oneOf(['simulator', 'replay', 'none']).default('simulator'),
  REPLAY_FILE: allow(z.string(), 'the path of a recording (JSON lines)').optional(),
  REPLAY_SPEED: allow(
    z.union([z.literal('max'), z.coerce.number().min(0.01).max(10_000)]),
    'a number from 0.01 to 10000, or "max"',
  ).default(1),
  CONFERENCE_MODE: allow(ConferenceModeSchema, 'one of "multi-party" or "three-party"').default(
    'multi-party',
  ),
  LONG_HOLD_SECONDS: wholeNumber(1, 86_400).default(60),
  ORPHAN_TTL_SECONDS: wholeNumber(1, 86_400).default(300),
  ENDED_GRACE_SECONDS: wholeNumber(0, 3_600).default(30),
  STALE_CONFERENCE_HOURS: decimal(0.0001, 168).default(4),
  PUSH_COALESCE_MS: wholeNumber(0, 10_000).default(100),
  MAX_BODY_BYTES: wholeNumber(1_024, 64 * 1024 * 1024).default(1024 * 1024),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REQUEST_TIMEOUT_SECONDS: wholeNumber(1, 600).default(30),
  INGEST_REQUESTS_PER_MINUTE: wholeNumber(1, 10_000_000).default(30_000),
  INGEST_TIME_WINDOW_HOURS: decimal(0.01, 87_600).default(24),
  API_MAX_PAGE: wholeNumber(1, 100_000).default(1_000),
  SOCKET_MESSAGES_PER_SECOND: wholeNumber(1, 10_000).default(20),
  SOCKET_MAX_WATCHED: wholeNumber(1, 10_000).default(50),
  SOCKET_RESYNC_MIN_MS: wholeNumber(0, 600_000).default(2_000),
  MAX_LIVE_CONFERENCES: wholeNumber(1, 10_000_000).default(20_000),
  MAX_ORPHAN_ROOTS: wholeNumber(1, 10_000_000).default(10_000),
  MAX_FACTS_PER_CALL: wholeNumber(50, 100_000).default(500),
  CONNECT_CONSOLE_URL: httpUrl('https://acme.my.connect.aws').optional(),
  PUBLIC_URL: httpUrl('https://confwatch.example.com').optional(),
  ADMIN_TOKEN: matching(/^[\x21-\x7e]{24,}$/, 'at least 24 characters, no spaces', showLength).optional(),
  CCP_RELAY_TOKEN: matching(/^[\x21-\x7e]{16,}$/, 'at least 16 characters, no spaces', showLength).optional(),
  WALLBOARD_TOKEN: matching(/^[\x21-\x7e]{24,}$/, 'at least 24 characters, no spaces', showLength).optional(),
  REPORT_TIME_ZONE: allow(
    z.string().refine(isTimeZone),
    'an IANA time zone, e.g. UTC, Europe/Berlin or America/New_York',
  ).default('UTC'),
  COOKIE_SECRET: matching(
    /^[\x21-\x7e]{32,}$/,
    'at least 32 characters, no spaces (or leave it unset: one is generated and kept in DATA_DIR)',
    showLength,
  ).optional(),
  SESSION_IDLE_MINUTES: wholeNumber(1, 7 * 24 * 60).default(60),
  SESSION_MAX_HOURS: wholeNumber(1, 24 * 90).default(12),
  SIGN_IN_ATTEMPTS_PER_ADDRESS: wholeNumber(1, 100_000).default(30),
  SIGN_IN_ATTEMPTS_PER_USER: wholeNumber(1, 100_000).default(10),
  SIGN_IN_WINDOW_MINUTES: wholeNumber(1, 1_440).default(10),
  CCP_RELAY_PER_AGENT_PER_MINUTE: wholeNumber(1, 100_000).default(240),
  CCP_RELAY_AGENTS_PER_MINUTE: wholeNumber(1, 100_000).default(5_000),
  TRUST_PROXY: allow(
    z.string().min(1),
    'addresses or CIDR ranges of the proxies in front, comma-separated, e.g. 127.0.0.1,10.0.0.0/8',
  ).default('127.0.0.1,::1'),
  OIDC_ISSUER: httpUrl('https://login.example.com/realms/acme').optional(),
  OIDC_CLIENT_ID: allow(
    z.string().min(1).max(512),
    'the client (application) id registered at the provider',
  ).optional(),
  OIDC_CLIENT_SECRET: matching(/^.{1,2048}$/, 'the client secret from the provider', showLength).optional(),
  OIDC_SCOPES: allow(z.string().min(1), 'space-separated OAuth scopes, e.g. "openid profile email"').default(
    'openid profile email',
  ),
  OIDC_REDIRECT_URL: httpUrl('https://confwatch.example.com/api/auth/oidc/callback').optional(),
  OIDC_USERNAME_CLAIM: allow(z.string().min(1), 'a claim name, e.g. preferred_username or email').default(
    'preferred_username',
  ),
  OIDC_ROLE_CLAIM: allow(
    z.string().min(1),
    'a claim name (dots for nested claims), e.g. roles, groups or cognito:groups',
  ).default('roles'),
  OIDC_ROLE_MAP: allow(
    z
      .string()
      .regex(
        /^\s*[^=,\s]+\s*=\s*(admin|supervisor|manager|wallboard)\s*(,\s*[^=,\s]+\s*=\s*(admin|supervisor|manager|wallboard)\s*)*$/,
      )
      .transform((value) =>
        value.split(',').map((pair) => pair.split('=').map((part) => part.trim()) as [string, string]),
      ),
    'claim-value=role pairs, comma-separated, e.g. "cw-admins=admin,cw-floor=supervisor"',
  ).optional(),
  OIDC_QUEUES_CLAIM: allow(z.string().min(1), 'a claim name listing the queues a user may see').optional(),
  OIDC_GROUPS_CLAIM: allow(
    z.string().min(1),
    'a claim name listing the hierarchy groups a user may see',
  ).optional(),
  OIDC_LABEL: allow(z.string().min(1).max(64), 'the sign-in button text, e.g. "Sign in with Okta"').default(
    'Sign in with single sign-on',
  ),
  OIDC_ALLOW_HTTP: oneOf(['true', 'false']).default('false'),
  INGEST_CORS_ORIGINS: CorsOriginsSchema.default([]),
  CONNECT_INSTANCE_ID: matching(
    /^[0-9a-f-]{36}$/,
    'the instance id from the instance ARN, a UUID like 11111111-2222-3333-4444-555555555555',
  ).optional(),
  AWS_REGION: matching(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'an AWS region, e.g. eu-central-1').optional(),
  CONNECT_RECONCILE_SECONDS: wholeNumber(5, 3_600).default(30),
  CONNECT_ENDPOINT: httpUrl('https://connect.eu-central-1.amazonaws.com').optional(),
  SIM_SEED: wholeNumber(0, 2 ** 31 - 1).optional(),
  SIM_AGENTS: wholeNumber(2, 5_000).optional(),
  SIM_SUPERVISORS: wholeNumber(0, 500).optional(),
  SIM_CALLS_PER_MINUTE: decimal(0, 10_000).optional(),
  SIM_CONFERENCE_PROBABILITY: share().optional(),
  SIM_PARTY_MIX: PartyMixSchema.optional(),
  SIM_CONTACT_LENS_SHARE: share().optional(),
  SIM_DUPLICATE_RATE: share().optional(),
  SIM_REORDER_RATE: share().optional(),
  SIM_LOSS_RATE: share().optional(),
  SIM_SPEED: decimal(0.1, 1_000).default(1),
});

/** The parsed variables, secrets as given (possibly unset). */
export type EnvSettings = z.infer<typeof EnvSchema>;

/** What the sidecar runs on: the settings with every secret resolved. */
export type Env = Omit<EnvSettings, SecretName> &
  Record<SecretName, string> & {
    /** Secrets that were not set and come from (or were just generated in) DATA_DIR. */
    storedSecrets: Partial<Record<SecretName, StoredSecret>>;
  };

/** The address the sidecar listens on, and the variable it came from. */
export function sidecarListenHost(env: Pick<EnvSettings, 'HOST' | 'SIDECAR_HOST'>): {
  host: string;
  variable: 'HOST' | 'SIDECAR_HOST';
} {
  return env.SIDECAR_HOST
    ? { host: env.SIDECAR_HOST, variable: 'SIDECAR_HOST' }
    : { host: env.HOST, variable: 'HOST' };
}

/** Checks the variables and how they go together; pure (the start script checks with it first). */
export function parseEnvSettings(source: EnvSource = process.env): EnvSettings {
  const env = parseEnvironment(EnvSchema, source);
  const problems: string[] = [];
  if (env.CONNECT_INSTANCE_ID && !env.AWS_REGION)
    problems.push(
      configProblem("CONNECT_INSTANCE_ID needs AWS_REGION, the instance's region (e.g. eu-central-1)"),
    );
  if (env.CONNECT_INSTANCE_ID && env.SOURCE !== 'none')
    problems.push(
      configProblem(
        `CONNECT_INSTANCE_ID (reconciliation with a real instance) needs SOURCE=none, not SOURCE="${env.SOURCE}"`,
      ),
    );
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID].filter(Boolean).length;
  if (oidc === 1)
    problems.push(
      configProblem('OIDC_ISSUER and OIDC_CLIENT_ID go together: set both for single sign-on, or neither'),
    );
  if (env.OIDC_ISSUER && !env.OIDC_REDIRECT_URL && !env.PUBLIC_URL)
    problems.push(
      configProblem(
        'OIDC_ISSUER needs PUBLIC_URL (or OIDC_REDIRECT_URL): the address browsers use to reach confwatch',
      ),
    );
  if (env.SOURCE === 'replay' && !env.REPLAY_FILE)
    problems.push(configProblem('SOURCE="replay" needs REPLAY_FILE, the recording to play'));
  throwProblems(problems);
  return env;
}

/** Checks what the settings name on disk: the recording to replay must be readable. */
export function checkEnvFiles(env: EnvSettings): void {
  if (env.SOURCE !== 'replay' || !env.REPLAY_FILE) return;
  try {
    accessSync(env.REPLAY_FILE, constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throwProblems([configProblem(`REPLAY_FILE="${env.REPLAY_FILE}" cannot be read (${code})`)]);
  }
}

/**
 * The sidecar's environment, ready to run on: settings checked, files checked, and each secret
 * not set read from DATA_DIR — or generated there once (mode 0600) and reused by every later start.
 */
export function parseEnv(source: EnvSource = process.env): Env {
  const settings = parseEnvSettings(source);
  checkEnvFiles(settings);
  const secrets = resolveSecrets(settings.DATA_DIR, settings);
  return { ...settings, ...secrets.values, storedSecrets: secrets.stored };
}
