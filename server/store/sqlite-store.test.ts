import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore } from './open-store';
import { sql } from './sql-database';
import { openSqliteDatabase, sqliteFilePath } from './sqlite-database';
import { registerStoreContract } from './store-contract';

const root = mkdtempSync(path.join(tmpdir(), 'confwatch-store-'));
const dataDir = path.join(root, 'nested', 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

registerStoreContract({
  label: 'sqlite',
  config: { kind: 'sqlite', dataDir },
  reset: async () => rmSync(dataDir, { recursive: true, force: true }),
  exec: async (text) => {
    const db = new Database(sqliteFilePath(dataDir));
    try {
      const statement = db.prepare(text);
      if (statement.reader) return statement.all() as Record<string, unknown>[];
      statement.run();
      return [];
    } finally {
      db.close();
    }
  },
});

describe('sqlite database', () => {
  test('creates its directory and runs in WAL mode with synchronous=FULL', async () => {
    const dir = path.join(root, 'pragmas', 'deeper');
    const db = openSqliteDatabase(dir);
    try {
      expect(await db.all(sql('PRAGMA journal_mode'))).toEqual([{ journal_mode: 'wal' }]);
      // 2 is FULL: a commit is fsynced before it returns.
      expect(await db.all(sql('PRAGMA synchronous'))).toEqual([{ synchronous: 2 }]);
    } finally {
      await db.close();
    }
  });

  test('openStore rejects a config without a data directory', async () => {
    await expect(openStore({ kind: 'sqlite', dataDir: '' })).rejects.toThrow(/openStore: dataDir/);
  });
});
