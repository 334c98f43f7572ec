import { testDatabaseUrl } from '@/scripts/test-helpers/scratch-database';

/** The bench's environment: only where PostgreSQL is (the history suite makes a scratch database there). */
export type BenchEnv = { TEST_DATABASE_URL: string };

export function parseBenchEnv(source: Record<string, string | undefined> = process.env): BenchEnv {
  try {
    return { TEST_DATABASE_URL: testDatabaseUrl(source.TEST_DATABASE_URL) };
  } catch (error) {
    throw new Error(`bench: ${(error as Error).message}`);
  }
}
