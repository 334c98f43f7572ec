import { z } from 'zod';

/** The bench's environment: only where PostgreSQL is (the history suite makes a scratch database there). */
const BenchEnvSchema = z.object({
  TEST_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .default('postgres://postgres@127.0.0.1:5432/postgres'),
});
export type BenchEnv = z.infer<typeof BenchEnvSchema>;

export function parseBenchEnv(source: Record<string, string | undefined> = process.env): BenchEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = BenchEnvSchema.safeParse(cleaned);
  if (!parsed.success) throw new Error(`bench: TEST_DATABASE_URL ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
