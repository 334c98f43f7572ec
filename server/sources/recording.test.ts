import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  batchRecording,
  createJsonLinesWriter,
  readRecording,
  RecordingLineError,
  writeRecording,
  type RecordedItem,
  type StreamName,
} from './recording';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'confwatch-recording-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const item = (stream: StreamName, offsetMs: number, payload: unknown = { n: offsetMs }): RecordedItem => ({
  stream,
  at: new Date(T0 + offsetMs).toISOString(),
  payload,
});

async function readAll(path: string) {
  const out: { line: number; item: RecordedItem }[] = [];
  for await (const entry of readRecording(path)) out.push(entry);
  return out;
}

test('a written recording reads back item for item, one JSON object per line', async () => {
  const path = join(dir, 'round-trip.jsonl');
  const items = [
    item('contact-events', 0),
    item('agent-events', 10, { nested: [1, { a: null }] }),
    item('ccp', 20),
  ];
  expect(await writeRecording(path, items)).toBe(3);
  const text = await readFile(path, 'utf8');
  expect(text.split('\n')).toHaveLength(4);
  expect(JSON.parse(text.split('\n')[1]!)).toEqual(items[1]);
  expect(await readAll(path)).toEqual(items.map((it, i) => ({ line: i + 1, item: it })));
});

test('the streaming writer keeps order across many writes; blank lines are skipped when reading', async () => {
  const path = join(dir, 'streamed.jsonl');
  const writer = createJsonLinesWriter(path);
  for (let i = 0; i < 2_000; i++) await writer.write([item('ccp', i, { i, pad: 'x'.repeat(50) })]);
  await writer.close();
  const read = await readAll(path);
  expect(read.map((r) => (r.item.payload as { i: number }).i)).toEqual(
    Array.from({ length: 2_000 }, (_, i) => i),
  );
  await writeFile(path, `\n${JSON.stringify(item('ccp', 0))}\n\n${JSON.stringify(item('ccp', 5))}\n`);
  expect((await readAll(path)).map((r) => r.line)).toEqual([2, 4]);
});

test('a line that is not JSON names the file and the line', async () => {
  const path = join(dir, 'broken.jsonl');
  await writeFile(path, `${JSON.stringify(item('ccp', 0))}\n{"stream": "ccp", "at": \n`);
  await expect(readAll(path)).rejects.toThrow(new RegExp(`${path} line 2: not JSON`));
});

test('a line that is not a recorded item says what is wrong with it', async () => {
  const path = join(dir, 'wrong.jsonl');
  await writeFile(
    path,
    `${JSON.stringify({ stream: 'sms', at: new Date(T0).toISOString(), payload: {} })}\n`,
  );
  const failure = await readAll(path).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(RecordingLineError);
  expect((failure as RecordingLineError).line).toBe(1);
  expect((failure as Error).message).toMatch(/line 1: not a recorded item \(stream: /);
  await writeFile(path, `${JSON.stringify({ stream: 'ccp', at: 'yesterday', payload: {} })}\n`);
  await expect(readAll(path)).rejects.toThrow(/line 1: not a recorded item \(at: /);
});

test('batches group consecutive items of one stream within the window, and never mix streams', async () => {
  const entries = [
    item('ccp', 0),
    item('ccp', 30),
    item('ccp', 50),
    item('ccp', 51),
    item('agent-events', 52),
    item('ccp', 53),
    item('ccp', 54),
  ].map((it, i) => ({ line: i + 1, item: it }));
  async function* source() {
    yield* entries;
  }
  const batches = [];
  for await (const batch of batchRecording(source(), 50, 100)) batches.push(batch);
  expect(batches.map((b) => [b.stream, b.lines])).toEqual([
    ['ccp', [1, 2, 3]],
    ['ccp', [4]],
    ['agent-events', [5]],
    ['ccp', [6, 7]],
  ]);
  expect(batches[0]!.lastAt).toBe(entries[2]!.item.at);
  const capped = [];
  for await (const batch of batchRecording(source(), 50, 2)) capped.push(batch.payloads.length);
  expect(capped).toEqual([2, 2, 1, 2]);
});
