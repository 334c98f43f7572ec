import { createJsonLinesWriter } from '@/server/sources/recording';
import {
  createSimulator,
  SimulatorConfigSchema,
  SUMMARY_COUNTERS,
  type SimulatorConfig,
} from '@/server/sources/simulator';
import { formatHelp, parseArgs, runCli, UsageError, type OptionSpec } from './cli-args';
import { ConferenceModeSchema } from '@/lib/conference';

const share = (help: string): OptionSpec => ({ kind: 'number', min: 0, max: 1, help });

const OPTIONS = {
  out: { kind: 'string', help: 'recording to write (JSON lines: {"stream","at","payload"})' },
  truth: { kind: 'string', help: 'also write the true state once per simulated second to this file' },
  minutes: { kind: 'number', min: 0, max: 100_000, help: 'simulated minutes to run (default 10)' },
  seed: { kind: 'integer', help: 'random seed (default 1): the same seed and options give the same bytes' },
  start: { kind: 'time', help: 'simulated start time, ISO-8601 (default 2026-11-23T09:00:00Z)' },
  mode: {
    kind: 'choice',
    choices: ConferenceModeSchema.options,
    help: 'conference mode (default multi-party)',
  },
  agents: { kind: 'integer', help: 'agents logged in (default 40)' },
  supervisors: { kind: 'integer', help: 'supervisors logged in (default 4)' },
  'calls-per-minute': { kind: 'number', help: 'mean inbound calls per minute (default 4)' },
  'conference-probability': share('share of calls that grow beyond two parties (default 0.35)'),
  'contact-lens-share': share('share of legs with Contact Lens on (default 0.3)'),
  'long-hold-share': share('share of calls with a caller hold over a minute (default 0.05)'),
  'fault-rate': share('share of calls where one party too many joins (default 0.002)'),
  'duplicate-rate': share('share of items delivered twice (default 0.01)'),
  'reorder-rate': share('share of items delayed past later ones (default 0.02)'),
  'loss-rate': share('share of items never delivered (default 0)'),
  'pascal-case-share': share('share of contact events with PascalCase detail keys (default 0.05)'),
  'no-showcase': { kind: 'flag', help: 'do not schedule the showcase calls in the first minutes' },
} satisfies Record<string, OptionSpec>;

/** Config field → the option that sets it, so that a config error names the option. */
const FIELD_OPTION: Partial<Record<keyof SimulatorConfig, string>> = {
  seed: 'seed',
  startAt: 'start',
  mode: 'mode',
  agents: 'agents',
  supervisors: 'supervisors',
  callsPerMinute: 'calls-per-minute',
  conferenceProbability: 'conference-probability',
  contactLensShare: 'contact-lens-share',
  longHoldShare: 'long-hold-share',
  faultRate: 'fault-rate',
  duplicateRate: 'duplicate-rate',
  reorderRate: 'reorder-rate',
  lossRate: 'loss-rate',
  pascalCaseShare: 'pascal-case-share',
};

function toConfig(options: ReturnType<typeof parseArgs<typeof OPTIONS>>['options']): SimulatorConfig {
  const candidate: Record<string, unknown> = {};
  for (const [field, option] of Object.entries(FIELD_OPTION)) {
    const value = options[option as keyof typeof OPTIONS];
    if (value !== undefined) candidate[field] = value;
  }
  if (options['no-showcase']) candidate.showcase = false;
  const parsed = SimulatorConfigSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const option = FIELD_OPTION[issue.path[0] as keyof SimulatorConfig];
  throw new UsageError(option ? `--${option}: ${issue.message}` : issue.message);
}

async function main(): Promise<void> {
  const { options, positionals, help } = parseArgs(process.argv.slice(2), OPTIONS);
  if (help) {
    process.stdout.write(`${formatHelp('npm run simulate -- --out events.jsonl [options]', OPTIONS)}\n`);
    return;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!options.out) throw new UsageError('--out is required (the recording to write)');
  const config = toConfig(options);
  const simulator = createSimulator(config);
  const out = createJsonLinesWriter(options.out);
  const truth = options.truth ? createJsonLinesWriter(options.truth) : null;
  const end = config.startAt + Math.round((options.minutes ?? 10) * 60_000);
  let written = 0;
  for (let t = config.startAt; t < end;) {
    t = Math.min(t + 1_000, end);
    const items = simulator.advance(t);
    written += items.length;
    await out.write(items);
    if (truth) await truth.write([simulator.truth()]);
  }
  await out.close();
  await truth?.close();
  const stats = simulator.stats();
  process.stdout.write(
    `wrote ${written} items to ${options.out}\n${SUMMARY_COUNTERS.map((k) => `${k} ${stats[k] ?? 0}`).join(', ')}\n`,
  );
}

runCli('simulate', main);
