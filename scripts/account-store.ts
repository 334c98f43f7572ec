import { createAccounts, type Accounts } from '@/server/auth/accounts';
import { parseEnvSettings } from '@/server/env';
import { openStore, type Store } from '@/server/store';

/**
 * The store confwatch runs on, found the way the sidecar finds it (`DATABASE_URL`, else SQLite in
 * `DATA_DIR`), for the account CLIs. They may run while confwatch runs: SQLite takes turns, and the
 * sidecar reads users and tokens from the store.
 */
export async function withAccounts<T>(run: (accounts: Accounts, store: Store) => Promise<T>): Promise<T> {
  const env = parseEnvSettings(process.env);
  const store = await openStore(
    env.DATABASE_URL
      ? { kind: 'postgres', databaseUrl: env.DATABASE_URL }
      : { kind: 'sqlite', dataDir: env.DATA_DIR },
  );
  try {
    return await run(createAccounts(store), store);
  } finally {
    await store.close();
  }
}

/** A comma-separated list option as a list (absent: none). */
export const listOption = (value: string | undefined): string[] =>
  value === undefined
    ? []
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

/** Reads all of standard input (a password piped in), without its line ending. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
