import pg from 'pg';
import { z } from 'zod';

/** A throwaway PostgreSQL database; `drop()` removes it, whatever is still connected to it. */
export type ScratchDatabase = { url: string; drop(): Promise<void> };

/**
 * TEST_DATABASE_URL: the PostgreSQL server where the tests and the bench make their databases and
 * schemas; by default the local one, with trust authentication as in CI.
 */
const TestDatabaseUrlSchema = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
  .default('postgres://postgres@127.0.0.1:5432/postgres');

/** The tests' TEST_DATABASE_URL (empty counts as unset); throws on one that is not a PostgreSQL URL. */
export function testDatabaseUrl(value = process.env.TEST_DATABASE_URL): string {
  const parsed = TestDatabaseUrlSchema.safeParse(value || undefined);
  if (!parsed.success) throw new Error(`TEST_DATABASE_URL ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

/**
 * Creates a database named `<prefix>_<pid>_<time>` on the server `adminUrl` points at (the test
 * suite's TEST_DATABASE_URL by default) and returns its URL.
 */
export async function createScratchDatabase(
  adminUrl = testDatabaseUrl(),
  prefix = 'confwatch_test',
): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withClient(adminUrl: string, use: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect().catch((error: Error) => {
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl} (${error.message}); .ci/run starts it — do not skip`,
    );
  });
  try {
    await use(client);
  } finally {
    await client.end();
  }
}
