import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startTestSidecar } from '@/server/test-helpers/test-sidecar';

/**
 * DATA_DIR holds password hashes, the audit log and callers' phone numbers: a directory confwatch
 * creates is 0700 and the SQLite files are 0600, whatever the umask (the usual 022 would leave
 * them readable to every user of the machine).
 */

const root = mkdtempSync(join(tmpdir(), 'confwatch-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (path: string) => statSync(path).mode & 0o777;
const SQLITE_FILES = ['confwatch.sqlite', 'confwatch.sqlite-wal', 'confwatch.sqlite-shm'];

test('a DATA_DIR confwatch creates is 0700, and its SQLite files and secrets are 0600', async () => {
  const previous = process.umask(0o022);
  const dataDir = join(root, 'fresh', 'data');
  const sidecar = await startTestSidecar({}, dataDir);
  try {
    // The -wal and -shm files exist while the store is open (a clean close removes them).
    expect(modeOf(dataDir).toString(8)).toBe('700');
    for (const file of [...SQLITE_FILES, 'cookie-secret'])
      expect(modeOf(join(dataDir, file)).toString(8), file).toBe('600');
  } finally {
    await sidecar.stop({ keepData: true });
    process.umask(previous);
  }
});

test('a database an older start left readable is made 0600; a directory the operator made keeps its mode', async () => {
  const dataDir = join(root, 'operator');
  mkdirSync(dataDir);
  chmodSync(dataDir, 0o750);
  const first = await startTestSidecar({}, dataDir);
  await first.stop({ keepData: true });
  chmodSync(join(dataDir, 'confwatch.sqlite'), 0o644);
  const second = await startTestSidecar({}, dataDir);
  try {
    for (const file of SQLITE_FILES) expect(modeOf(join(dataDir, file)).toString(8), file).toBe('600');
    expect(modeOf(dataDir).toString(8)).toBe('750');
  } finally {
    await second.stop({ keepData: true });
  }
});
