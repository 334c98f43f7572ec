import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseUrl } from '@/scripts/test-helpers/scratch-database';
import { openStore } from './open-store';
import { TABLE_NAMES } from './schema';
import { describeError, openPostgresDatabase, redactDatabaseUrl } from './postgres-database';
import { sql } from './sql-database';
import { registerStoreContract } from './store-contract';

const DATABASE_URL = testDatabaseUrl();
const SCHEMA = `confwatch_test_${process.pid}_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: DATABASE_URL });
let connected = false;

// CI starts PostgreSQL; a missing server is a failure to report, not a reason to skip.
beforeAll(async () => {
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${redactDatabaseUrl(DATABASE_URL)} (${describeError(error)}). ` +
        'Start it or point TEST_DATABASE_URL at one: the PostgreSQL store tests do not skip.',
    );
  }
  connected = true;
  await admin.query(`SET search_path TO ${SCHEMA}`);
});

afterAll(async () => {
  if (!connected) return;
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await admin.end();
});

registerStoreContract({
  label: 'postgres',
  config: { kind: 'postgres', databaseUrl: DATABASE_URL, schema: SCHEMA },
  reset: async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  },
  exec: async (text) => (await admin.query(text)).rows as Record<string, unknown>[],
});

describe('postgres database', () => {
  test('puts every table in the configured schema', async () => {
    await (await openStore({ kind: 'postgres', databaseUrl: DATABASE_URL, schema: SCHEMA })).close();
    const rows = await admin.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [SCHEMA],
    );
    expect(rows.rows.map((r) => r.table_name)).toEqual([...TABLE_NAMES].sort());
    expect(TABLE_NAMES).toEqual(
      expect.arrayContaining(['alert_ack', 'event_log', 'history', 'schema_version']),
    );
  });

  test('sessions commit synchronously and see only the configured schema', async () => {
    const db = await openPostgresDatabase(DATABASE_URL, SCHEMA);
    try {
      expect(await db.all(sql('SHOW synchronous_commit'))).toEqual([{ synchronous_commit: 'on' }]);
      expect(await db.all(sql('SHOW search_path'))).toEqual([{ search_path: SCHEMA }]);
    } finally {
      await db.close();
    }
  });

  test('an unreachable server fails with a clear message that hides the password', async () => {
    const call = openStore({
      kind: 'postgres',
      databaseUrl: 'postgres://postgres:s3cret@127.0.0.1:1/postgres',
    });
    await expect(call).rejects.toThrow(
      /cannot open the PostgreSQL store at postgres:\/\/postgres@127\.0\.0\.1:1\/postgres: .*ECONNREFUSED/,
    );
    await expect(call).rejects.not.toThrow(/s3cret/);
  });

  test('openStore rejects a schema name that is not a plain identifier', async () => {
    const call = openStore({ kind: 'postgres', databaseUrl: DATABASE_URL, schema: 'x; DROP TABLE y' });
    await expect(call).rejects.toThrow(/openStore: schema: Must be a lower-case SQL identifier/);
  });
});
