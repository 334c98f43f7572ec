import { expect, test } from 'vitest';
import { formatHelp, parseArgs, UsageError, type OptionSpec } from './cli-args';

const SPECS = {
  seed: { kind: 'integer', min: 0, help: 'seed' },
  rate: { kind: 'number', min: 0, max: 1, help: 'rate' },
  out: { kind: 'string', help: 'file' },
  mode: { kind: 'choice', choices: ['a', 'b'], help: 'mode' },
  start: { kind: 'time', help: 'start' },
  quiet: { kind: 'flag', help: 'quiet' },
} satisfies Record<string, OptionSpec>;

test('options take their value after a space or an equals sign; the rest are positionals', () => {
  const parsed = parseArgs(
    ['in.jsonl', '--seed', '7', '--rate=0.5', '--mode', 'b', '--start', '2026-11-23T09:00:00Z', '--quiet'],
    SPECS,
  );
  expect(parsed.options).toEqual({
    seed: 7,
    rate: 0.5,
    mode: 'b',
    start: Date.UTC(2026, 10, 23, 9),
    quiet: true,
  });
  expect(parsed.positionals).toEqual(['in.jsonl']);
  expect(parsed.help).toBe(false);
  expect(parseArgs(['--help'], SPECS).help).toBe(true);
});

test('mistakes are usage errors that name the option', () => {
  const cases: [string[], RegExp][] = [
    [['--seed', 'x'], /--seed must be an integer, got "x"/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--rate', '2'], /--rate must be at most 1/],
    [['--mode', 'c'], /--mode must be one of a, b/],
    [['--start', 'tomorrow'], /--start must be an ISO-8601 time/],
    [['--out'], /--out needs a value/],
    [['--out', '--seed', '1'], /--out needs a value/],
    [['--colour', 'red'], /unknown option --colour/],
    [['--seed', '1', '--seed', '2'], /--seed is given twice/],
    [['--quiet=yes'], /--quiet takes no value/],
  ];
  for (const [argv, message] of cases) {
    expect(() => parseArgs(argv, SPECS)).toThrow(UsageError);
    expect(() => parseArgs(argv, SPECS)).toThrow(message);
  }
});

test('the help lists every option with its help text', () => {
  const help = formatHelp('tool [options]', SPECS);
  expect(help).toMatch(/^Usage: tool \[options\]/);
  for (const name of Object.keys(SPECS)) expect(help).toContain(`--${name}`);
  expect(help).toContain('--mode <a|b>');
});
