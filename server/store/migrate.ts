import { z } from 'zod';
import { backfillReports } from './backfill-reports';
import { dbInteger } from './db-rows';
import { renderSchema, renderVersionTable, SCHEMA_VERSION } from './schema';
import { sql, type SqlDatabase } from './sql-database';

const VersionRowSchema = z.object({ version: dbInteger.nullable() });

/**
 * Creates the tables idempotently and records the schema version. A database written by a newer
 * confwatch is refused before anything is touched, rather than half-understood.
 *
 * v1 → v2 adds the report tables (call_report, call_scope, call_member) and files every history
 * record's report facts before recording version 2, so a cut-short upgrade runs again next time.
 */
export async function migrate(db: SqlDatabase): Promise<void> {
  await db.transact(
    renderVersionTable(db.dialect).map((text) => sql(text)),
    { serializeOn: 'migrate' },
  );
  const [row] = await db.all(sql('SELECT MAX(version) AS version FROM schema_version'));
  const found = VersionRowSchema.parse(row).version;
  if (found !== null && found > SCHEMA_VERSION) {
    throw new Error(
      `the database holds store schema version ${found}, newer than this confwatch understands (${SCHEMA_VERSION})`,
    );
  }
  await db.transact(
    renderSchema(db.dialect).map((text) => sql(text)),
    { serializeOn: 'migrate' },
  );
  if (found === SCHEMA_VERSION) return;
  if (found !== null && found < 2) await backfillReports(db);
  await db.transact(
    [
      sql(
        'INSERT INTO schema_version (version) SELECT CAST(? AS INTEGER) WHERE NOT EXISTS (SELECT 1 FROM schema_version WHERE version = ?)',
        SCHEMA_VERSION,
        SCHEMA_VERSION,
      ),
    ],
    { serializeOn: 'migrate' },
  );
}
