import pg from 'pg';

/** A PostgreSQL database made for one bench run; `drop()` removes it, whatever is connected to it. */
export type ScratchDatabase = { url: string; drop(): Promise<void> };

export async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const name = `confwatch_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect().catch((error: Error) => {
    throw new Error(`PostgreSQL is not reachable at ${adminUrl} (${error.message})`);
  });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
