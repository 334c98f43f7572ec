import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { allowedOf } from './env-parse';
import { EnvError, EnvSchema, parseEnv, parseEnvSettings } from './env';
import { WebEnvSchema, parseWebEnv } from './web/env';

const dir = mkdtempSync(join(tmpdir(), 'confwatch-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('expected an EnvError');
}

describe('the sidecar environment', () => {
  test('defaults make a working sidecar on the simulator', () => {
    expect(parseEnvSettings({})).toMatchObject({
      HOST: '127.0.0.1',
      SIDECAR_PORT: 4000,
      DATA_DIR: './data',
      SOURCE: 'simulator',
      REPLAY_SPEED: 1,
      CONFERENCE_MODE: 'multi-party',
      LONG_HOLD_SECONDS: 60,
      ENDED_GRACE_SECONDS: 30,
      PUSH_COALESCE_MS: 100,
      SIM_SPEED: 1,
    });
  });

  test('every variable of both processes says what it accepts, so no message is zod\'s "Invalid input"', () => {
    const shapes = { ...EnvSchema.shape, ...WebEnvSchema.shape };
    const missing = Object.entries(shapes).filter(([, field]) => !allowedOf(field)?.allowed);
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  test('each bad value is one line: the variable, the value, what is allowed; secrets are not shown', () => {
    const message = problemsOf(() =>
      parseEnv({
        HOST: 'not a host',
        SIDECAR_PORT: 'eighty',
        REPLAY_SPEED: 'fast',
        CONFERENCE_MODE: 'party',
        DATABASE_URL: 'mysql://admin:hunter2@db/x',
        INGEST_TOKEN: 'short',
        SIM_PARTY_MIX: '7:1',
        SIM_SPEED: '0',
        INGEST_CORS_ORIGINS: 'https://ok.example,not-a-url',
      }),
    );
    expect(message.split('\n')).toEqual([
      'confwatch: HOST="not a host" is not valid: an IPv4 or IPv6 address (without brackets) or a host name, e.g. 127.0.0.1, 0.0.0.0, :: or localhost',
      'confwatch: SIDECAR_PORT="eighty" is not valid: a port number from 0 to 65535 (0: any free port)',
      'confwatch: DATABASE_URL="mysql://admin:***@db/x" is not valid: a postgres:// or postgresql:// URL, e.g. postgres://user:password@db.example:5432/confwatch',
      'confwatch: INGEST_TOKEN=(5 characters, not shown) is not valid: at least 16 characters, no spaces (or leave it unset: one is generated and kept in DATA_DIR)',
      'confwatch: REPLAY_SPEED="fast" is not valid: a number from 0.01 to 10000, or "max"',
      'confwatch: CONFERENCE_MODE="party" is not valid: one of "multi-party" or "three-party"',
      'confwatch: INGEST_CORS_ORIGINS="https://ok.example,not-a-url" is not valid: comma-separated http(s) origins, e.g. "https://acme.my.connect.aws,https://ccp.example.com"',
      'confwatch: SIM_PARTY_MIX="7:1" is not valid: size:weight pairs for sizes 2 to 6, at least one weight above 0, e.g. "2:40,3:25,4:15,5:10,6:10"',
      'confwatch: SIM_SPEED="0" is not valid: a number from 0.1 to 1000',
    ]);
    expect(message).not.toContain('hunter2');
  });

  test('a party mix with no weight above 0 is refused at start, not when the simulator starts', () => {
    expect(problemsOf(() => parseEnvSettings({ SIM_PARTY_MIX: '2:0,3:0' }))).toMatch(
      /^confwatch: SIM_PARTY_MIX="2:0,3:0"/,
    );
  });

  test('R30 reconciliation with an instance needs its region and real ingest only', () => {
    const instance = '11111111-2222-3333-4444-555555555555';
    expect(problemsOf(() => parseEnvSettings({ CONNECT_INSTANCE_ID: instance, SOURCE: 'none' }))).toBe(
      "confwatch: CONNECT_INSTANCE_ID needs AWS_REGION, the instance's region (e.g. eu-central-1)",
    );
    expect(
      problemsOf(() => parseEnvSettings({ CONNECT_INSTANCE_ID: instance, AWS_REGION: 'eu-central-1' })),
    ).toBe(
      'confwatch: CONNECT_INSTANCE_ID (reconciliation with a real instance) needs SOURCE=none, not SOURCE="simulator"',
    );
    expect(
      parseEnvSettings({ CONNECT_INSTANCE_ID: instance, AWS_REGION: 'us-gov-west-1', SOURCE: 'none' })
        .CONNECT_RECONCILE_SECONDS,
    ).toBe(30);
  });

  test('SOURCE=replay needs a REPLAY_FILE that can be read', () => {
    expect(problemsOf(() => parseEnvSettings({ SOURCE: 'replay' }))).toBe(
      'confwatch: SOURCE="replay" needs REPLAY_FILE, the recording to play',
    );
    const missing = join(dir, 'nope.jsonl');
    expect(problemsOf(() => parseEnv({ SOURCE: 'replay', REPLAY_FILE: missing, DATA_DIR: dir }))).toBe(
      `confwatch: REPLAY_FILE="${missing}" cannot be read (ENOENT)`,
    );
    const present = join(dir, 'rec.jsonl');
    writeFileSync(present, '');
    const env = parseEnv({ SOURCE: 'replay', REPLAY_FILE: present, REPLAY_SPEED: 'max', DATA_DIR: dir });
    expect(env.REPLAY_SPEED).toBe('max');
  });

  test('lists are parsed: CORS origins and the simulator party mix', () => {
    const env = parseEnvSettings({
      INGEST_CORS_ORIGINS: 'https://a.example/, https://b.example:8443',
      SIM_PARTY_MIX: '2:40, 6:10',
    });
    expect(env.INGEST_CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(env.SIM_PARTY_MIX).toEqual({ '2': 40, '6': 10 });
  });

  test('REPORT_TIME_ZONE is an IANA zone (UTC by default); WALLBOARD_TOKEN is a long secret', () => {
    expect(parseEnvSettings({}).REPORT_TIME_ZONE).toBe('UTC');
    expect(parseEnvSettings({ REPORT_TIME_ZONE: 'Europe/Berlin' }).REPORT_TIME_ZONE).toBe('Europe/Berlin');
    expect(problemsOf(() => parseEnvSettings({ REPORT_TIME_ZONE: 'Mars/Olympus' }))).toBe(
      'confwatch: REPORT_TIME_ZONE="Mars/Olympus" is not valid: an IANA time zone, e.g. UTC, Europe/Berlin or America/New_York',
    );
    expect(problemsOf(() => parseEnvSettings({ WALLBOARD_TOKEN: 'short' }))).toMatch(
      /^confwatch: WALLBOARD_TOKEN=\(5 characters, not shown\) is not valid: at least 24 characters, no spaces$/,
    );
  });

  test('empty values count as unset', () => {
    const env = parseEnvSettings({ DATABASE_URL: '', SIDECAR_PORT: '' });
    expect(env.SIDECAR_PORT).toBe(4000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  test('an ingest token that is not set is generated once in DATA_DIR and then reused; a set one wins', () => {
    const dataDir = join(dir, 'tokens');
    const first = parseEnv({ DATA_DIR: dataDir });
    expect(first.INGEST_TOKEN.length).toBeGreaterThanOrEqual(32);
    expect(first.storedSecrets.INGEST_TOKEN).toEqual({
      file: join(dataDir, 'ingest-token'),
      created: true,
      print: true,
    });
    const second = parseEnv({ DATA_DIR: dataDir });
    expect(second.INGEST_TOKEN).toBe(first.INGEST_TOKEN);
    expect(second.storedSecrets.INGEST_TOKEN?.created).toBe(false);
    const own = parseEnv({ DATA_DIR: dataDir, INGEST_TOKEN: 'my-own-token-0123456789' });
    expect(own.INGEST_TOKEN).toBe('my-own-token-0123456789');
    expect(own.storedSecrets.INGEST_TOKEN).toBeUndefined();
  });
});

describe('the web environment', () => {
  test('defaults, and the sidecar found by port or by URL', () => {
    expect(parseWebEnv({})).toEqual({
      host: '127.0.0.1',
      port: 3000,
      sidecarUrl: new URL('http://127.0.0.1:4000'),
      dev: false,
      logLevel: 'info',
      publicUrl: undefined,
      frameAncestors: [],
    });
    expect(parseWebEnv({ SIDECAR_PORT: '4100', NODE_ENV: 'development' })).toMatchObject({
      sidecarUrl: new URL('http://127.0.0.1:4100'),
      dev: true,
    });
    expect(parseWebEnv({ SIDECAR_URL: 'https://sidecar.internal' }).sidecarUrl.origin).toBe(
      'https://sidecar.internal',
    );
  });

  test('each bad value is one line', () => {
    expect(
      problemsOf(() =>
        parseWebEnv({ WEB_PORT: 'abc', SIDECAR_PORT: '0', SIDECAR_URL: 'ftp://x', NODE_ENV: 'staging' }),
      ).split('\n'),
    ).toEqual([
      'confwatch: WEB_PORT="abc" is not valid: a port number from 0 to 65535 (0: any free port)',
      'confwatch: SIDECAR_URL="ftp://x" is not valid: an http:// or https:// URL, e.g. http://127.0.0.1:4000',
      'confwatch: SIDECAR_PORT="0" is not valid: a port number from 1 to 65535',
      'confwatch: NODE_ENV="staging" is not valid: one of "development", "production" or "test"',
    ]);
  });
});
