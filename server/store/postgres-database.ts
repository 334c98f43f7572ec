import pg from 'pg';
import type { SqlDatabase, SqlStatement, TransactOptions } from './sql-database';

/** `?` placeholders to PostgreSQL's `$1, $2, …` (the shared SQL never has `?` in a literal). */
function toPgText(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** The URL without its password, for error messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}${url.pathname}`;
  } catch {
    return 'the configured DATABASE_URL (not a valid URL)';
  }
}

/** Node reports a refused dual-stack connect as an AggregateError with an empty message. */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.message === '')
    return error.errors.map(describeError).join('; ');
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Connection settings every session gets: the schema alone on `search_path`, so all tables live
 * there, and `synchronous_commit=on` whatever the server default, because the store promises
 * that an acknowledged append is on disk.
 */
function sessionOptions(schema: string | undefined): string {
  return [...(schema === undefined ? [] : [`-c search_path=${schema}`]), '-c synchronous_commit=on'].join(
    ' ',
  );
}

/** Opens a pool on `databaseUrl`, creating `schema` if it is given and missing. */
export async function openPostgresDatabase(databaseUrl: string, schema?: string): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8, options: sessionOptions(schema) });
  // An idle client's connection can drop (server restart); the pool discards it and the next query
  // reconnects, so the event needs a listener only to keep it from crashing the process.
  pool.on('error', () => undefined);

  const transact = async (statements: readonly SqlStatement[], options: TransactOptions = {}) => {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      if (options.serializeOn !== undefined) {
        const key = `confwatch:${schema ?? ''}:${options.serializeOn}`;
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
      }
      const counts: number[] = [];
      for (const s of statements) {
        const result = await client.query(toPgText(s.sql), [...s.params]);
        counts.push(result.rowCount ?? 0);
      }
      await client.query('COMMIT');
      return counts;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  };

  const db: SqlDatabase = {
    dialect: 'postgres',
    all: async (s) => (await pool.query(toPgText(s.sql), [...s.params])).rows,
    transact,
    close: () => pool.end(),
  };
  const firstStatement = schema === undefined ? 'SELECT 1' : `CREATE SCHEMA IF NOT EXISTS ${schema}`;
  try {
    await transact([{ sql: firstStatement, params: [] }], { serializeOn: 'migrate' });
  } catch (error) {
    await pool.end();
    const where = redactDatabaseUrl(databaseUrl);
    throw new Error(`cannot open the PostgreSQL store at ${where}: ${describeError(error)}`, {
      cause: error,
    });
  }
  return db;
}
