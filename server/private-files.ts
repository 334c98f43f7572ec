import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * DATA_DIR holds password hashes, the audit log, callers' phone numbers and secrets: only the user
 * confwatch runs as may read it. A directory confwatch creates is 0700 (one an operator made is
 * left as it is); its files are 0600 whatever the umask.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Creates `file` empty with mode 0600 if it is missing. */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
}

/** Sets each of `files` that exists to 0600 (files of an older start may have the umask's mode). */
export function restrictFiles(files: readonly string[]): void {
  for (const file of files) {
    if (!existsSync(file)) continue;
    try {
      chmodSync(file, 0o600);
    } catch {
      // Not ours to change (another owner): the operator decides those files' modes.
    }
  }
}
