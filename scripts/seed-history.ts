import { ConferenceModeSchema } from '@/lib/conference';
import { isTimeZone } from '@/lib/reports/zone-time';
import { parseEnv } from '@/server/env';
import { openStore } from '@/server/store';
import { seedHistory, type SeedProgress } from '@/server/store/seed/seed-history';
import { formatHelp, parseArgs, runCli, UsageError, type OptionSpec } from './cli-args';

const OPTIONS = {
  days: { kind: 'integer', min: 1, max: 400, help: 'days of history, ending yesterday (default 90)' },
  'per-day': { kind: 'integer', min: 1, max: 100_000, help: 'mean answered calls a day (default 2000)' },
  seed: {
    kind: 'integer',
    min: 0,
    max: 2_147_483_647,
    help: 'random seed (default 1): the same seed writes the same history',
  },
  tz: { kind: 'string', help: 'time zone whose days and hours the calls follow (default UTC)' },
  mode: {
    kind: 'choice',
    choices: ConferenceModeSchema.options,
    help: 'conference mode (default multi-party)',
  },
  force: { kind: 'flag', help: 'seed even a store that holds live data (event log rows, recent history)' },
} satisfies Record<string, OptionSpec>;

const BAR = 30;

/** A progress line on stderr: redrawn in place on a terminal, one line per tenth elsewhere. */
function createProgress(startedAt: number) {
  let lastTenth = -1;
  return (p: SeedProgress) => {
    const share = p.total === 0 ? 1 : p.done / p.total;
    const filled = Math.round(share * BAR);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(0);
    const what = p.phase === 'simulate' ? `simulating day ${p.done}/${p.total}` : `day ${p.done}/${p.total}`;
    const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${what}, ${p.calls.toLocaleString('en')} calls written, ${seconds} s`;
    if (process.stderr.isTTY)
      process.stderr.write(`\r${line}\x1b[K${share === 1 && p.phase === 'write' ? '\n' : ''}`);
    else if (Math.floor(share * 10) !== lastTenth || share === 1) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

async function main(): Promise<void> {
  const { options, positionals, help } = parseArgs(process.argv.slice(2), OPTIONS);
  if (help) {
    process.stdout.write(
      `${formatHelp('npm run seed-history -- [--days 90] [--per-day 2000] [options]', OPTIONS)}\n`,
    );
    process.stdout.write("\nThe store is the sidecar's: DATABASE_URL if set, else SQLite in DATA_DIR.\n");
    return;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const timeZone = options.tz ?? 'UTC';
  if (!isTimeZone(timeZone))
    throw new UsageError(`--tz must be a time zone such as Europe/Berlin, got "${timeZone}"`);
  const env = parseEnv();
  const store = await openStore(
    env.DATABASE_URL
      ? { kind: 'postgres', databaseUrl: env.DATABASE_URL }
      : { kind: 'sqlite', dataDir: env.DATA_DIR },
  );
  const startedAt = performance.now();
  try {
    const result = await seedHistory(
      store,
      {
        days: options.days ?? 90,
        perDay: options['per-day'] ?? 2000,
        seed: options.seed ?? 1,
        timeZone,
        mode: ConferenceModeSchema.parse(options.mode ?? 'multi-party'),
        force: options.force ?? false,
        now: Date.now(),
      },
      createProgress(startedAt),
    );
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    process.stdout.write(
      `seeded ${result.calls} calls from ${result.from} to ${result.to} into the ${store.kind} store in ${seconds} s (${result.simulatedDays} days simulated in full)\n`,
    );
  } finally {
    await store.close();
  }
}

runCli('seed-history', main);
