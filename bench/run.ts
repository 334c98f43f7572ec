/**
 * `npm run bench`: runs the suites of issue #5, prints suite / metric / value / goal / met-missed,
 * and writes the figures as JSON. Exits non-zero only when a suite fails to run, never on a
 * missed goal: the machine is shared and timings are noisy, so ratios, not verdicts, are the point.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatHelp, parseArgs, runCli, UsageError, type OptionSpec } from '@/scripts/cli-args';
import { runBrowserSuite } from './browser-suite';
import { runEngineSuite } from './engine-suite';
import { parseBenchEnv } from './env';
import { listRows } from './goals';
import { runHistorySuite } from './history-suite';
import { runLimitsSuite } from './limits-suite';
import { collectMeta } from './meta';
import { FULL, QUICK } from './modes';
import { runPipelineSuite } from './pipeline-suite';
import { runReportsSuite } from './reports-suite';
import { BenchResultsSchema, SUITES, type PartialResults, type SuiteName } from './results';
import { runScaleSuite } from './scale-suite';
import { formatTable } from './table';
import { runWallboardSuite } from './wallboard-suite';

const OPTIONS = {
  quick: {
    kind: 'flag',
    help: 'every suite briefly (under a minute; CI smoke test); writes bench/out/results.json',
  },
  suite: {
    kind: 'string',
    help: `comma-separated suites to run (default all: ${SUITES.join(',')}); a subset writes to bench/out/`,
  },
} satisfies Record<string, OptionSpec>;

const ABOUT = `
Suites (each compares both sides in the same run; ratios are what count on a shared machine):
  engine    events/s through parse + normalize + applyEvent + the hub's lifecycle, against JSON.parse alone
  pipeline  HTTP ingest -> sidecar -> Socket.IO -> 100 clients, rate rising until p99 > 100 ms, against a bare
            server pushing the sidecar's own frames (transportRatio) and a relay of the raw posts (rawRelayRatio)
  scale     a sidecar holding 20,000 contacts in 5,000 conferences: RSS, snapshot bytes, build and apply time
  limits    heap per live conference and per orphan leg, restoring 5,000 conferences on restart, /healthz while
            the largest GET /api/conferences pages and a resync flood run
  browser   the live board with 500 conferences and 100 updates/s in Chromium for ten minutes: frames, long tasks, heap
  history   history records written per second on SQLite and PostgreSQL (TEST_DATABASE_URL) while events are logged
  wallboard the wallboard in Chromium for 30 minutes: 200 conferences, 50 updates/s, rotation every 10 s, three
            sidecar crashes; heap after GC, long tasks, the stale banner
  reports   90 days × 2,000 conferences a day seeded into both stores: the daily report query on each, the /reports
            page's time to draw its charts and a replay's load time in Chromium
A full run writes bench/results.json; the table and every figure's goal are in bench/goals.ts.`;

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

function parseSuites(value: string | undefined): SuiteName[] {
  if (value === undefined) return [...SUITES];
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names)
    if (!(SUITES as readonly string[]).includes(name))
      throw new UsageError(`--suite: unknown suite "${name}"; use ${SUITES.join(', ')}`);
  return SUITES.filter((s) => names.includes(s));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), OPTIONS);
  if (args.help) {
    console.log(`${formatHelp('npm run bench -- [--quick] [--suite engine,pipeline,…]', OPTIONS)}\n${ABOUT}`);
    return;
  }
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const quick = args.options.quick === true;
  const suites = parseSuites(args.options.suite);
  const mode = quick ? QUICK : FULL;
  const env = parseBenchEnv();
  const log = (line: string) => console.log(line);
  const workDir = mkdtempSync(join(tmpdir(), 'confwatch-bench-'));
  const results: PartialResults = { meta: collectMeta(quick) };
  const failures: string[] = [];

  const run = async (name: SuiteName, suite: () => Promise<unknown> | unknown) => {
    if (!suites.includes(name)) return;
    const started = Date.now();
    log(`── ${name}`);
    try {
      Object.assign(results, { [name]: await suite() });
      log(`── ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failures.push(name);
      console.error(
        `── ${name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  };
  try {
    await run('engine', () => runEngineSuite({ ...mode.engine, workDir, log }));
    await run('pipeline', () => runPipelineSuite({ ...mode.pipeline, log }));
    await run('scale', () => runScaleSuite(mode.scale));
    await run('limits', () => runLimitsSuite({ ...mode.limits, log }));
    await run('browser', () => runBrowserSuite({ ...mode.browser, log }));
    await run('history', () =>
      runHistorySuite({
        ...mode.history,
        adminDatabaseUrl: env.TEST_DATABASE_URL,
        ...(results.engine && !quick ? { centreEndsPerSec: results.engine.centreEndsPerSec } : {}),
        log,
      }),
    );
    await run('wallboard', () => runWallboardSuite({ ...mode.wallboard, log }));
    await run('reports', () =>
      runReportsSuite({ ...mode.reports, adminDatabaseUrl: env.TEST_DATABASE_URL, log }),
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  console.log(`\n${formatTable(listRows(results))}\n`);
  const complete = !quick && failures.length === 0 && suites.length === SUITES.length;
  const path = complete ? join(BENCH_DIR, 'results.json') : join(BENCH_DIR, 'out', 'results.json');
  const json = complete ? BenchResultsSchema.parse(results) : results;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${path}`);
  if (failures.length > 0) throw new Error(`suite(s) failed: ${failures.join(', ')}`);
}

runCli('bench', main);
