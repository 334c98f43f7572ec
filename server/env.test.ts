import { describe, expect, test } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('the sidecar environment', () => {
  test('defaults make a working sidecar on the simulator, with a generated ingest token', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      HOST: '127.0.0.1',
      SIDECAR_PORT: 4000,
      DATA_DIR: './data',
      SOURCE: 'simulator',
      CONFERENCE_MODE: 'multi-party',
      LONG_HOLD_SECONDS: 60,
      ENDED_GRACE_SECONDS: 30,
      PUSH_COALESCE_MS: 100,
      ingestTokenGenerated: true,
    });
    expect(env.INGEST_TOKEN.length).toBeGreaterThanOrEqual(24);
    expect(parseEnv({}).INGEST_TOKEN).not.toBe(env.INGEST_TOKEN);
  });

  test('every bad value is named with what it accepts, all at once', () => {
    const bad = () =>
      parseEnv({
        SIDECAR_PORT: 'eighty',
        CONFERENCE_MODE: 'party',
        DATABASE_URL: 'mysql://x',
        INGEST_TOKEN: 'short',
        SIM_PARTY_MIX: '7:1',
      });
    expect(bad).toThrow(EnvError);
    const message = (() => {
      try {
        bad();
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('SIDECAR_PORT="eighty"');
    expect(message).toContain('CONFERENCE_MODE="party"');
    expect(message).toContain('DATABASE_URL="mysql://x": must be a postgres:// or postgresql:// URL');
    expect(message).toContain('INGEST_TOKEN="short": must be at least 16 characters');
    expect(message).toContain('SIM_PARTY_MIX="7:1"');
  });

  test('R30 reconciliation with an instance needs its region and real ingest only', () => {
    const instance = '11111111-2222-3333-4444-555555555555';
    expect(() => parseEnv({ CONNECT_INSTANCE_ID: instance, SOURCE: 'none' })).toThrow(/needs AWS_REGION/);
    expect(() => parseEnv({ CONNECT_INSTANCE_ID: instance, AWS_REGION: 'eu-central-1' })).toThrow(
      /needs SOURCE=none/,
    );
    expect(
      parseEnv({ CONNECT_INSTANCE_ID: instance, AWS_REGION: 'us-gov-west-1', SOURCE: 'none' })
        .CONNECT_RECONCILE_SECONDS,
    ).toBe(30);
  });

  test('SOURCE=replay needs a REPLAY_FILE', () => {
    expect(() => parseEnv({ SOURCE: 'replay' })).toThrow(/REPLAY_FILE/);
  });

  test('lists are parsed: CORS origins and the simulator party mix', () => {
    const env = parseEnv({
      INGEST_CORS_ORIGINS: 'https://a.example/, https://b.example:8443',
      SIM_PARTY_MIX: '2:40, 6:10',
    });
    expect(env.INGEST_CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(env.SIM_PARTY_MIX).toEqual({ '2': 40, '6': 10 });
  });

  test('empty values count as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', SIDECAR_PORT: '' });
    expect(env.SIDECAR_PORT).toBe(4000);
    expect(env.DATABASE_URL).toBeUndefined();
  });
});
