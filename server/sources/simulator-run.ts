import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ensurePrivateDir } from '../private-files';

/**
 * The built-in simulator's run bookkeeping in DATA_DIR (also with DATABASE_URL: the file is tiny
 * and DATA_DIR defaults to ./data). A restart continues the contact centre instead of replaying
 * the last run: it takes a new run number (fresh contact and event ids) and resumes the simulated
 * clock where the last run had got to (ahead of the wall clock when sped up), so the board's
 * clock never runs backwards.
 */
export const SIMULATOR_RUN_FILE = 'simulator-run.json';

const RunFileSchema = z.object({
  run: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  simulatedAt: z.number().int().min(0),
});
type RunFile = z.infer<typeof RunFileSchema>;

export type SimulatorRun = {
  run: number;
  /** Simulated time the run starts at, epoch ms. */
  startAt: number;
  /** Records the simulated time reached; writes at most once per simulated second. */
  record(simulatedAt: number): void;
};

/**
 * Begins a run. Its number is one more than the last run's, and never below the wall clock in
 * seconds: a lost or unwritable DATA_DIR (a PostgreSQL event log outliving it) still gives ids no
 * earlier run used. Problems with the file are logged, never fatal: the demo goes on.
 */
export function beginSimulatorRun(
  dataDir: string,
  wallNow: number,
  log: (line: string) => void,
): SimulatorRun {
  const file = join(dataDir, SIMULATOR_RUN_FILE);
  const last = readRunFile(file, log);
  const run = Math.max(last ? last.run + 1 : 0, Math.floor(wallNow / 1000));
  const startAt = Math.max(wallNow, last?.simulatedAt ?? 0);
  let writable = writeRunFile(file, { run, simulatedAt: startAt }, log);
  let recorded = startAt;
  return {
    run,
    startAt,
    record(simulatedAt) {
      if (!writable || simulatedAt - recorded < 1_000) return;
      recorded = simulatedAt;
      writable = writeRunFile(file, { run, simulatedAt }, log);
    },
  };
}

function readRunFile(file: string, log: (line: string) => void): RunFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Not there yet (or DATA_DIR is no directory, which writing reports).
    if (code !== 'ENOENT' && code !== 'ENOTDIR')
      log(`simulator: cannot read ${file} (${code}); starting a new run`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = RunFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  log(`simulator: ${file} is not a run record; starting a new run (it will be rewritten)`);
  return undefined;
}

/** Writes through a temporary file and a rename, so a kill mid-write leaves the old record whole. */
function writeRunFile(file: string, record: RunFile, log: (line: string) => void): boolean {
  try {
    ensurePrivateDir(join(file, '..'));
    writeFileSync(`${file}.tmp`, `${JSON.stringify(record)}\n`);
    renameSync(`${file}.tmp`, file);
    return true;
  } catch (error) {
    log(
      `simulator: cannot write ${file} (${(error as NodeJS.ErrnoException).code}); restarts will still use new ids, but not resume the clock`,
    );
    return false;
  }
}
