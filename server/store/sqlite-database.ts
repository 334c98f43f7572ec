import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile, restrictFiles } from '../private-files';
import type { SqlDatabase, SqlParam, SqlRow, SqlStatement } from './sql-database';

const FILE_NAME = 'confwatch.sqlite';
const STATEMENT_CACHE_SIZE = 256;

/** Where the SQLite store keeps its database inside `DATA_DIR`. */
export function sqliteFilePath(dataDir: string): string {
  return path.join(dataDir, FILE_NAME);
}

/**
 * Opens (creating the directory and file if needed) the SQLite database in WAL mode with
 * `synchronous=FULL`: a committed transaction has been fsynced, so an acknowledged append survives
 * kill -9 and power loss. The directory (when made here) is 0700 and the files 0600: SQLite gives
 * its -wal and -shm files the database file's mode.
 */
export function openSqliteDatabase(dataDir: string): SqlDatabase {
  ensurePrivateDir(dataDir);
  const file = sqliteFilePath(dataDir);
  ensurePrivateFile(file);
  restrictFiles([file, `${file}-wal`, `${file}-shm`]);
  const db = new Database(file);
  try {
    const mode: unknown = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`SQLite refused WAL mode (journal_mode is ${String(mode)})`);
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw error;
  }

  const cache = new Map<string, Database.Statement>();
  const prepare = (text: string): Database.Statement => {
    let statement = cache.get(text);
    if (!statement) {
      // Batch sizes vary, so the set of distinct texts is open-ended; forgetting them all is cheap.
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
      statement = db.prepare(text);
      cache.set(text, statement);
    }
    return statement;
  };
  // SQLite has no boolean type; the schema stores 0/1.
  const bind = (params: readonly SqlParam[]) => params.map((p) => (typeof p === 'boolean' ? Number(p) : p));
  const runAll = db.transaction((statements: readonly SqlStatement[]) =>
    statements.map((s) => prepare(s.sql).run(...bind(s.params)).changes),
  );

  return {
    dialect: 'sqlite',
    all: async (s) => prepare(s.sql).all(...bind(s.params)) as SqlRow[],
    // IMMEDIATE takes the write lock up front, which also orders writers from other processes.
    transact: async (statements) => runAll.immediate(statements),
    close: async () => {
      db.close();
    },
  };
}
