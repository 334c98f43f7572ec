/**
 * One-off throughput measurement (not a test): `npx tsx server/store/test-fixtures/measure-throughput.ts
 * '<StoreConfig JSON>'`. Point it at an empty data dir or schema; it writes 20,000 events and 1,000
 * history records and prints what one core sustains.
 */
import { performance } from 'node:perf_hooks';
import { StoreConfigSchema } from '../input-schemas';
import { openStore } from '../open-store';
import { buildBatch } from './event-builders';
import { buildView } from './history-builders';

const BATCHES = 1_000;
const EVENTS_PER_BATCH = 20;
const RECORDS = 1_000;

const store = await openStore(StoreConfigSchema.parse(JSON.parse(process.argv[2] ?? '')));
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);

const batches = Array.from({ length: BATCHES }, (_, b) => buildBatch(`m${b}`, EVENTS_PER_BATCH));
let started = performance.now();
for (const batch of batches) await store.appendEvents(batch);
let ms = performance.now() - started;
console.log(
  `${store.kind} appendEvents: ${rate(BATCHES, ms)} batches/s (${rate(BATCHES * EVENTS_PER_BATCH, ms)} events/s)`,
);

const views = Array.from({ length: RECORDS }, (_, i) => buildView(`h${i}`, { peak: 2 + (i % 5) }));
started = performance.now();
for (const view of views) await store.writeHistory([view], Date.now());
ms = performance.now() - started;
console.log(`${store.kind} writeHistory one record per call: ${rate(RECORDS, ms)} records/s`);

started = performance.now();
await store.writeHistory(views, Date.now());
ms = performance.now() - started;
console.log(`${store.kind} writeHistory ${RECORDS} records in one call: ${rate(RECORDS, ms)} records/s`);
console.log(`record size ≈ ${JSON.stringify(views[0]).length} bytes of JSON`);
await store.close();
