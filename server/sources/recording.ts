import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { describeIssues } from '@/lib/realtime/describe-issues';
import { StreamNameSchema, type StreamName } from '@/server/ingest/streams';

export { StreamNameSchema, type StreamName };

/** One raw item as it reached confwatch: which input, when it was delivered, and the payload untouched. */
export const RecordedItemSchema = z
  .object({
    stream: StreamNameSchema,
    /** Delivery time, ISO-8601 UTC. */
    at: z.iso.datetime(),
    payload: z.unknown(),
  })
  .strict();
export type RecordedItem = z.infer<typeof RecordedItemSchema>;

/** A recording line that is not a recorded item; the message names the file and line. */
export class RecordingLineError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${path} line ${line}: ${reason}`);
    this.name = 'RecordingLineError';
  }
}

/** Reads a JSON-lines recording item by item; blank lines are skipped, a bad line throws. */
export async function* readRecording(path: string): AsyncGenerator<{ line: number; item: RecordedItem }> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new RecordingLineError(path, line, `not JSON (${(error as Error).message})`);
    }
    const parsed = RecordedItemSchema.safeParse(value);
    if (!parsed.success) {
      const issue = describeIssues(parsed.error, { max: 1 });
      throw new RecordingLineError(path, line, `not a recorded item (${issue})`);
    }
    yield { line, item: parsed.data };
  }
}

export type JsonLinesWriter = {
  /** Appends one JSON line per value; resolves once the file stream can take more. */
  write(values: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
};

const FLUSH_CHARS = 1 << 16;

/** A buffered JSON-lines writer that respects the file stream's back-pressure. */
export function createJsonLinesWriter(path: string): JsonLinesWriter {
  const out: WriteStream = createWriteStream(path, { encoding: 'utf8' });
  let failure: Error | null = null;
  out.on('error', (error) => {
    failure = error;
  });
  let buffer = '';
  const flush = async () => {
    if (failure) throw failure;
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    if (!out.write(chunk)) await once(out, 'drain');
  };
  return {
    async write(values) {
      for (const value of values) {
        buffer += `${JSON.stringify(value)}\n`;
        if (buffer.length >= FLUSH_CHARS) await flush();
      }
    },
    async close() {
      await flush();
      const finished = once(out, 'finish');
      out.end();
      await finished;
      if (failure) throw failure;
    },
  };
}

/** Writes a whole recording; returns the number of items written. */
export async function writeRecording(
  path: string,
  items: Iterable<RecordedItem> | AsyncIterable<RecordedItem>,
): Promise<number> {
  const writer = createJsonLinesWriter(path);
  let count = 0;
  try {
    for await (const item of items) {
      await writer.write([item]);
      count += 1;
    }
  } finally {
    await writer.close();
  }
  return count;
}

/** Consecutive items of one stream, close together in recording time: one POST when replaying. */
export type RecordingBatch = {
  stream: StreamName;
  /** Delivery time of the first item, epoch ms. */
  firstAt: number;
  /** Delivery time of the last item, as recorded. */
  lastAt: string;
  /** Recording line of each payload, to name a rejected one. */
  lines: number[];
  payloads: unknown[];
};

/** Groups consecutive items of the same stream delivered within `windowMs` of the group's first item. */
export async function* batchRecording(
  source: AsyncIterable<{ line: number; item: RecordedItem }>,
  windowMs = 50,
  maxItems = 500,
): AsyncGenerator<RecordingBatch> {
  let batch: RecordingBatch | null = null;
  for await (const { line, item } of source) {
    const at = Date.parse(item.at);
    if (
      batch &&
      (batch.stream !== item.stream || at - batch.firstAt > windowMs || batch.payloads.length >= maxItems)
    ) {
      yield batch;
      batch = null;
    }
    batch ??= { stream: item.stream, firstAt: at, lastAt: item.at, lines: [], payloads: [] };
    batch.lastAt = item.at;
    batch.lines.push(line);
    batch.payloads.push(item.payload);
  }
  if (batch) yield batch;
}
