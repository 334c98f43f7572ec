import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { STREAMS } from '@/server/ingest/streams';
import { readRecording } from '@/server/sources/recording';
import { runScript } from './test-helpers/run-script';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'confwatch-simulate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const simulate = (...args: string[]) => runScript('simulate', args);

test('the same seed and options write byte-identical recordings and truth; another seed does not', async () => {
  const file = (name: string) => join(dir, name);
  const common = ['--minutes', '3', '--agents', '12'];
  const first = await simulate(
    '--seed',
    '7',
    '--out',
    file('a.jsonl'),
    '--truth',
    file('a-truth.jsonl'),
    ...common,
  );
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toMatch(/^wrote \d+ items to /);
  await simulate('--seed', '7', '--out', file('b.jsonl'), '--truth', file('b-truth.jsonl'), ...common);
  await simulate('--seed', '8', '--out', file('c.jsonl'), ...common);
  const [a, b, c] = await Promise.all(['a.jsonl', 'b.jsonl', 'c.jsonl'].map((f) => readFile(file(f))));
  expect(a!.length).toBeGreaterThan(10_000);
  expect(b!.equals(a!)).toBe(true);
  expect(c!.equals(a!)).toBe(false);
  expect((await readFile(file('b-truth.jsonl'))).equals(await readFile(file('a-truth.jsonl')))).toBe(true);
  let count = 0;
  for await (const { item } of readRecording(file('a.jsonl'))) {
    expect(STREAMS).toContain(item.stream);
    count += 1;
  }
  expect(first.stdout).toContain(`wrote ${count} items`);
});

test('truth is written once per simulated second, from the given start, in the given mode', async () => {
  const out = join(dir, 'three.jsonl');
  const truthFile = join(dir, 'three-truth.jsonl');
  const result = await simulate(
    '--out',
    out,
    '--truth',
    truthFile,
    '--minutes',
    '2',
    '--mode',
    'three-party',
    '--start',
    '2027-01-04T08:00:00Z',
  );
  expect(result.code, result.stderr).toBe(0);
  const truths = (await readFile(truthFile, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { at: string; conferences: { mode: string }[] });
  expect(truths).toHaveLength(120);
  expect(truths[0]!.at).toBe('2027-01-04T08:00:01.000Z');
  expect(truths.at(-1)!.at).toBe('2027-01-04T08:02:00.000Z');
  const modes = new Set(truths.flatMap((t) => t.conferences.map((c) => c.mode)));
  expect(modes).toEqual(new Set(['three-party']));
});

test('bad arguments exit with code 2 and a message naming the option', async () => {
  const out = join(dir, 'never.jsonl');
  const cases: [string[], RegExp][] = [
    [['--out', out, '--agents', 'lots'], /--agents must be an integer, got "lots"/],
    [['--out', out, '--duplicate-rate', '3'], /--duplicate-rate must be at most 1/],
    [['--out', out, '--agents', '0'], /--agents: /],
    [['--minutes', '1'], /--out is required/],
    [['--out', out, '--speed', '2'], /unknown option --speed/],
  ];
  for (const [args, message] of cases) {
    const result = await simulate(...args);
    expect(result.code, args.join(' ')).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('--help');
  }
});

test('--help lists the options and exits 0', async () => {
  const result = await simulate('--help');
  expect(result.code).toBe(0);
  for (const option of [
    '--seed',
    '--minutes',
    '--out',
    '--truth',
    '--mode',
    '--agents',
    '--calls-per-minute',
    '--start',
  ]) {
    expect(result.stdout).toContain(option);
  }
});
