import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readLineChunks } from './engine-stream';

const dir = mkdtempSync(join(tmpdir(), 'confwatch-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeLines(name: string, lines: string[], trailingNewline = true): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + (trailingNewline ? '\n' : ''));
  return path;
}

test('lines come back whole and in order, in chunks of the asked size, the last one shorter', () => {
  const lines = Array.from({ length: 7 }, (_, i) => JSON.stringify({ n: i, text: 'x'.repeat(i * 3) }));
  const chunks = [...readLineChunks(writeLines('plain.jsonl', lines), 3, 8)];
  expect(chunks.map((c) => c.length)).toEqual([3, 3, 1]);
  expect(chunks.flat()).toEqual(lines);
});

test('a multi-byte character split across two reads is not mangled', () => {
  // 'ü' is two bytes and '€' three: with 5-byte reads most of them straddle a block boundary.
  const lines = ['{"name":"Müller"}', '{"price":"€12"}', '{"city":"Zürich"}'];
  expect([...readLineChunks(writeLines('utf8.jsonl', lines), 10, 5)].flat()).toEqual(lines);
});

test('a last line without a newline is kept, and blank lines are skipped', () => {
  const path = writeLines('tail.jsonl', ['{"a":1}', '', '{"b":2}'], false);
  expect([...readLineChunks(path, 10, 4)].flat()).toEqual(['{"a":1}', '{"b":2}']);
});
