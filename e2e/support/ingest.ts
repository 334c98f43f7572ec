import { STREAMS, type StreamName } from '@/server/ingest/streams';
import { INGEST_TOKEN, SIDECAR_URL } from './stack';

/** Raw items for one step of a call, by the ingest stream each belongs to. */
export type Batch = Record<StreamName, unknown[]>;

export const emptyBatch = (): Batch => ({ 'contact-events': [], 'agent-events': [], ccp: [] });

/** Concatenates batches stream by stream, keeping their order. */
export function mergeBatches(...batches: Batch[]): Batch {
  const merged = emptyBatch();
  for (const batch of batches) {
    for (const stream of Object.keys(merged) as StreamName[]) merged[stream].push(...batch[stream]);
  }
  return merged;
}

/**
 * POSTs raw items to one ingest stream as Amazon Connect (or the CCP relay) would. Fails unless the
 * sidecar answers 202 and accepted every item: a rejected item means the test data is wrong.
 */
export async function postItems(stream: StreamName, items: unknown[]): Promise<void> {
  const response = await fetch(`${SIDECAR_URL}/ingest/${stream}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST_TOKEN}` },
    body: JSON.stringify(items),
  });
  const text = await response.text();
  if (response.status !== 202) throw new Error(`POST /ingest/${stream}: HTTP ${response.status} ${text}`);
  const outcome = JSON.parse(text) as { rejected: unknown[] };
  if (outcome.rejected.length > 0) throw new Error(`POST /ingest/${stream} rejected items: ${text}`);
}

/**
 * Posts a batch, contact events first (they create conferences and legs), then agent events, then
 * CCP snapshots. Resolves with the wall time at which the last 202 came back: "within one second"
 * is measured from there.
 */
export async function postBatch(batch: Batch): Promise<number> {
  for (const stream of STREAMS) {
    if (batch[stream].length > 0) await postItems(stream, batch[stream]);
  }
  return Date.now();
}

/** Posts several batches in order (each call's steps, one call after another). */
export async function postBatches(batches: Batch[]): Promise<void> {
  for (const batch of batches) await postBatch(batch);
}
