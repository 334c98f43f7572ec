import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configProblem, EnvError } from './env-parse';
import { ensurePrivateDir } from './private-files';

/**
 * Secrets confwatch makes itself when their variable is not set. Each is generated once, kept in
 * its file in DATA_DIR (mode 0600) and reused by every later start, so a restart does not lock out
 * the callers that were given it. One line here adds another.
 */
export const STORED_SECRETS = {
  INGEST_TOKEN: { file: 'ingest-token', bytes: 24, print: true },
  /** Signs the short-lived cookie that carries an OpenID Connect sign-in from redirect to callback. */
  COOKIE_SECRET: { file: 'cookie-secret', bytes: 32, print: false },
} as const satisfies Record<string, { file: string; bytes: number; print: boolean }>;

export type SecretName = keyof typeof STORED_SECRETS;

/** Where a secret that was not set came from. */
export type StoredSecret = { file: string; created: boolean; print: boolean };

export type ResolvedSecrets = {
  values: Record<SecretName, string>;
  stored: Partial<Record<SecretName, StoredSecret>>;
};

const MIN_LENGTH = 16;

/** Each secret from `given` if set there, else from its file in `dataDir`, created if missing. */
export function resolveSecrets(
  dataDir: string,
  given: Partial<Record<SecretName, string | undefined>>,
): ResolvedSecrets {
  const values = {} as Record<SecretName, string>;
  const stored: Partial<Record<SecretName, StoredSecret>> = {};
  for (const name of Object.keys(STORED_SECRETS) as SecretName[]) {
    const explicit = given[name];
    if (explicit !== undefined) {
      values[name] = explicit;
      continue;
    }
    const spec = STORED_SECRETS[name];
    const file = join(dataDir, spec.file);
    const { value, created } = readOrCreate(name, file, spec.bytes, dataDir);
    values[name] = value;
    stored[name] = { file, created, print: spec.print };
  }
  return { values, stored };
}

function readOrCreate(
  name: string,
  file: string,
  bytes: number,
  dataDir: string,
): { value: string; created: boolean } {
  const existing = readSecretFile(name, file);
  if (existing !== undefined) return { value: existing, created: false };
  const value = randomBytes(bytes).toString('base64url');
  try {
    ensurePrivateDir(dataDir);
    // `wx`: if another process created it meanwhile, theirs wins and is read below.
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return { value, created: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { value: readSecretFile(name, file)!, created: false };
    throw new EnvError([
      configProblem(
        `DATA_DIR="${dataDir}" cannot keep the generated ${name} (${code ?? (error as Error).message}): make it writable, choose another DATA_DIR, or set ${name}`,
      ),
    ]);
  }
}

function readSecretFile(name: string, file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Not there (or DATA_DIR is not a directory, which creating it reports).
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new EnvError([
      configProblem(`${file} (the kept ${name}) cannot be read (${code}): fix or delete it`),
    ]);
  }
  const value = text.trim();
  if (!/^[\x21-\x7e]+$/.test(value) || value.length < MIN_LENGTH)
    throw new EnvError([
      configProblem(
        `${file} does not hold a usable ${name} (at least ${MIN_LENGTH} characters, no spaces): delete it to have a new one generated, or set ${name}`,
      ),
    ]);
  return value;
}
