import { runNodeProcess, type ProcessResult } from './node-process';

/**
 * Runs `scripts/<name>.ts` from the repository root, as `npm run <name>` does, with the test's
 * environment and `env` on top (a variable set to undefined is left out).
 */
export function runScript(
  name: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  /** What it reads on standard input (a pipe, closed after this; empty when not given). */
  input = '',
): Promise<ProcessResult> {
  return runNodeProcess(`scripts/${name}.ts`, { args, env: { ...process.env, ...env }, input });
}
