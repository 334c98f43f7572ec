import type { Ingest } from '@/server/hub/ingest';
import { isStreamName, type StreamName } from '@/server/ingest/streams';

type Item = { stream: string; payload: unknown };

/**
 * Hands recorded or simulated items to the hub's ingest, one batch per stream in arrival order:
 * the same normalize → log → apply path that HTTP ingest takes.
 */
export function createIngestSink(ingest: Pick<Ingest, 'ingestRaw'>) {
  return async (items: readonly Item[]): Promise<void> => {
    let batch: unknown[] = [];
    let stream: StreamName | undefined;
    const flush = async () => {
      if (stream && batch.length > 0) await ingest.ingestRaw(stream, batch);
      batch = [];
    };
    for (const item of items) {
      if (!isStreamName(item.stream)) continue;
      if (item.stream !== stream) {
        await flush();
        stream = item.stream;
      }
      batch.push(item.payload);
    }
    await flush();
  };
}
