import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export type ScriptResult = { code: number | null; stdout: string; stderr: string };

/** Runs `scripts/<name>.ts` with tsx from the repository root, as `npm run <name>` does. */
export function runScript(
  name: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  /** What it reads on standard input (a pipe, closed after this; empty when not given). */
  input = '',
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [`scripts/${name}.ts`, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
