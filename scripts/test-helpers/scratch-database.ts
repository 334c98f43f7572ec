import pg from 'pg';

/** A throwaway PostgreSQL database; `drop()` removes it, whatever is still connected to it. */
export type ScratchDatabase = { url: string; drop(): Promise<void> };

/** Where tests and the bench make scratch databases unless told otherwise (trust auth, as in CI). */
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates a database named `<prefix>_<pid>_<time>` on the server `adminUrl` points at (the test
 * suite's TEST_DATABASE_URL by default) and returns its URL.
 */
export async function createScratchDatabase(
  adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL,
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
