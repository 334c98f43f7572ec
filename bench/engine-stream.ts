import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createSimulator, type SimulatorConfig } from '@/server/sources/simulator';
import { DEFAULT_START_AT } from '@/server/sources/simulator/config';

/**
 * The busiest contact centre the project simulates (the brief's 1M-item configuration): its
 * stream feeds the engine benchmark, and its conference end rate sets the history target.
 */
export const BUSIEST_CENTRE: Partial<SimulatorConfig> = { agents: 3000, callsPerMinute: 400 };

/** A recorded simulator stream on disk, one RecordedItem JSON per line, with each line's delivery time. */
export type RecordedStream = { path: string; lines: number; deliveredAt: Float64Array };

const WRITE_CHUNK = 1 << 22;

/**
 * Runs the simulator ten simulated seconds at a time until it has delivered at least `minItems` raw items and
 * writes them to `path`. At 2 KB a line, a million lines do not belong on the JS heap.
 */
export function recordStream(path: string, minItems: number, config = BUSIEST_CENTRE): RecordedStream {
  const simulator = createSimulator(config);
  const times: number[] = [];
  const fd = openSync(path, 'w');
  let buffer = '';
  let until = config.startAt ?? DEFAULT_START_AT;
  try {
    while (times.length < minItems) {
      until += 10_000;
      for (const item of simulator.advance(until)) {
        buffer += `${JSON.stringify(item)}\n`;
        times.push(Date.parse(item.at));
        if (buffer.length >= WRITE_CHUNK) {
          writeSync(fd, buffer);
          buffer = '';
        }
      }
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
  return { path, lines: times.length, deliveredAt: Float64Array.from(times) };
}

/** Reads a JSON-lines file `linesPerChunk` lines at a time (the reading is never timed). */
export function* readLineChunks(
  path: string,
  linesPerChunk: number,
  blockBytes = 1 << 24,
): Generator<string[]> {
  const fd = openSync(path, 'r');
  const block = Buffer.alloc(blockBytes);
  // A block may end inside a multi-byte character; the decoder keeps it for the next block.
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let chunk: string[] = [];
  try {
    for (;;) {
      const read = readSync(fd, block, 0, block.length, null);
      if (read === 0) break;
      const parts = (carry + decoder.write(block.subarray(0, read))).split('\n');
      carry = parts.pop()!;
      for (const line of parts) {
        if (line === '') continue;
        chunk.push(line);
        if (chunk.length === linesPerChunk) {
          yield chunk;
          chunk = [];
        }
      }
    }
    if (carry !== '') chunk.push(carry);
    if (chunk.length > 0) yield chunk;
  } finally {
    closeSync(fd);
  }
}
