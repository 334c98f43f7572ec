import { userInfo } from 'node:os';
import { AccountError, createAccounts, type Accounts } from '@/server/auth/accounts';
import { createAudit, type AuditAction } from '@/server/auth/audit';
import { createLogger } from '@/server/log';
import { parseEnvSettings } from '@/server/env';
import { openStore, type Store } from '@/server/store';

/**
 * The store confwatch runs on, found the way the sidecar finds it (`DATABASE_URL`, else SQLite in
 * `DATA_DIR`), for the account CLIs. They may run while confwatch runs: SQLite takes turns, and the
 * sidecar reads users and tokens from the store.
 */
export async function withAccounts<T>(
  run: (accounts: Accounts, audited: AuditedChange) => Promise<T>,
): Promise<T> {
  const env = parseEnvSettings(process.env);
  const store = await openStore(
    env.DATABASE_URL
      ? { kind: 'postgres', databaseUrl: env.DATABASE_URL }
      : { kind: 'sqlite', dataDir: env.DATA_DIR },
  );
  try {
    return await run(createAccounts(store), auditedChanges(store));
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

/** Runs an account change and writes it (done or refused) to the audit log, as the admin API does. */
export type AuditedChange = <T>(action: AuditAction, target: string, change: () => Promise<T>) => Promise<T>;

function auditedChanges(store: Store): AuditedChange {
  const audit = createAudit(store, createLogger({ level: 'warn', name: 'confwatch-cli' }));
  let osUser = 'unknown';
  try {
    osUser = userInfo().username;
  } catch {
    // Some containers have no user name for the uid; the entry still says it was the command line.
  }
  const actor = `command line (${osUser})`;
  return async (action, target, change) => {
    try {
      const result = await change();
      await audit.record({ actor, action, target });
      return result;
    } catch (error) {
      if (error instanceof AccountError)
        await audit.record({ actor, action, target, outcome: 'failed', detail: error.message });
      throw error;
    }
  };
}
