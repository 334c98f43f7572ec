/** A small, strict command-line parser for the project's scripts: `--name value`, `--name=value`, flags. */

export type OptionSpec = { help: string } & (
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'string' }
  | { kind: 'choice'; choices: readonly string[] }
  /** An ISO-8601 time, parsed to epoch ms. */
  | { kind: 'time' }
  | { kind: 'flag' }
);

type ValueOf<S extends OptionSpec> = S extends { kind: 'flag' }
  ? boolean
  : S extends { kind: 'integer' | 'number' | 'time' }
    ? number
    : string;

export type ParsedArgs<T extends Record<string, OptionSpec>> = {
  options: { [K in keyof T]?: ValueOf<T[K]> };
  positionals: string[];
  help: boolean;
};

/** A mistake in how the script was called: reported with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function parseValue(name: string, spec: OptionSpec, raw: string): string | number {
  switch (spec.kind) {
    case 'integer':
    case 'number': {
      const value = Number(raw);
      const whole = spec.kind === 'integer';
      if (raw.trim() === '' || !Number.isFinite(value) || (whole && !Number.isInteger(value))) {
        throw new UsageError(`--${name} must be ${whole ? 'an integer' : 'a number'}, got "${raw}"`);
      }
      if (spec.min !== undefined && value < spec.min)
        throw new UsageError(`--${name} must be at least ${spec.min}, got ${raw}`);
      if (spec.max !== undefined && value > spec.max)
        throw new UsageError(`--${name} must be at most ${spec.max}, got ${raw}`);
      return value;
    }
    case 'choice':
      if (!spec.choices.includes(raw))
        throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}, got "${raw}"`);
      return raw;
    case 'time': {
      const value = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : Number.NaN;
      if (Number.isNaN(value))
        throw new UsageError(`--${name} must be an ISO-8601 time like 2026-11-23T09:00:00Z, got "${raw}"`);
      return value;
    }
    default:
      return raw;
  }
}

/** Parses `argv` (without node and script) against `specs`; throws a UsageError naming the option. */
export function parseArgs<T extends Record<string, OptionSpec>>(
  argv: readonly string[],
  specs: T,
): ParsedArgs<T> {
  const options: Record<string, string | number | boolean> = {};
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (name in options) throw new UsageError(`--${name} is given twice`);
    if (spec.kind === 'flag') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    const raw = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (raw === undefined || (eq === -1 && raw.startsWith('--')))
      throw new UsageError(`--${name} needs a value`);
    options[name] = parseValue(name, spec, raw);
  }
  return { options: options as ParsedArgs<T>['options'], positionals, help };
}

/** The `--help` text: a usage line, then one line per option. */
export function formatHelp(usage: string, specs: Record<string, OptionSpec>): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const value =
      spec.kind === 'flag' ? '' : spec.kind === 'choice' ? ` <${spec.choices.join('|')}>` : ` <${spec.kind}>`;
    return [`  --${name}${value}`, spec.help] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `Usage: ${usage}`,
    '',
    'Options:',
    ...rows.map(([left, help]) => left.padEnd(width) + help),
    '  --help'.padEnd(width) + 'show this help',
  ].join('\n');
}

/** Runs a script's main: usage errors exit 2, other failures exit 1, each with a one-line message. */
export function runCli(name: string, main: () => Promise<void>): void {
  main().then(
    () => undefined,
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof UsageError) {
        process.stderr.write(`${name}: ${message}\nRun with --help to see the options.\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`${name}: ${message}\n`);
        process.exitCode = 1;
      }
    },
  );
}
