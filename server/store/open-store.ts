import { parseInput } from './errors';
import { StoreConfigSchema } from './input-schemas';
import { migrate } from './migrate';
import { openPostgresDatabase } from './postgres-database';
import type { SqlDatabase } from './sql-database';
import { createSqlStore } from './sql-store';
import { openSqliteDatabase } from './sqlite-database';
import type { Store, StoreConfig } from './store';

/**
 * Opens the history store and event log: SQLite in `dataDir`, or PostgreSQL at `databaseUrl`
 * (inside `schema` when given). Creates directories, schema and tables idempotently and refuses a
 * database written by a newer schema version.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  const c = parseInput(StoreConfigSchema, config, 'openStore');
  const db: SqlDatabase =
    c.kind === 'sqlite' ? openSqliteDatabase(c.dataDir) : await openPostgresDatabase(c.databaseUrl, c.schema);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createSqlStore(db);
}
