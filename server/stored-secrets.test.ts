import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { EnvError } from './env-parse';
import { resolveSecrets } from './stored-secrets';

const dir = mkdtempSync(join(tmpdir(), 'confwatch-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a generated secret is written once, readable by its owner only, and read back on later starts', () => {
  const dataDir = join(dir, 'fresh', 'nested');
  const first = resolveSecrets(dataDir, {});
  const file = join(dataDir, 'ingest-token');
  expect(first.stored.INGEST_TOKEN).toEqual({ file, created: true, print: true });
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(readFileSync(file, 'utf8')).toBe(`${first.values.INGEST_TOKEN}\n`);
  const again = resolveSecrets(dataDir, {});
  expect(again.values.INGEST_TOKEN).toBe(first.values.INGEST_TOKEN);
  expect(again.stored.INGEST_TOKEN?.created).toBe(false);
});

test('a secret that is set is used as is and nothing is written', () => {
  const dataDir = join(dir, 'explicit');
  const given = {
    INGEST_TOKEN: 'set-by-the-operator-42',
    COOKIE_SECRET: 'set-by-the-operator-0123456789abcdef',
  };
  const resolved = resolveSecrets(dataDir, given);
  expect(resolved).toEqual({ values: given, stored: {} });
  expect(() => statSync(dataDir)).toThrow(/ENOENT/);
});

test('a kept file that does not hold a usable secret stops the start with one line saying what to do', () => {
  const dataDir = join(dir, 'damaged');
  resolveSecrets(dataDir, {});
  writeFileSync(join(dataDir, 'ingest-token'), 'too short\n');
  expect(() => resolveSecrets(dataDir, {})).toThrow(EnvError);
  expect(() => resolveSecrets(dataDir, {})).toThrow(
    `confwatch: ${join(dataDir, 'ingest-token')} does not hold a usable INGEST_TOKEN (at least 16 characters, no spaces): delete it to have a new one generated, or set INGEST_TOKEN`,
  );
});

test('a DATA_DIR that cannot hold the secret is a configuration problem (exit code 2), not a crash', () => {
  const blocker = join(dir, 'a-file');
  writeFileSync(blocker, '');
  const dataDir = join(blocker, 'data');
  let caught: unknown;
  try {
    resolveSecrets(dataDir, {});
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EnvError);
  expect((caught as EnvError).exitCode).toBe(2);
  expect((caught as EnvError).message).toBe(
    `confwatch: DATA_DIR="${dataDir}" cannot keep the generated INGEST_TOKEN (ENOTDIR): make it writable, choose another DATA_DIR, or set INGEST_TOKEN`,
  );
});
