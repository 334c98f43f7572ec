/**
 * Child process for the kill -9 durability test: opens the store named by argv[2] (a StoreConfig
 * as JSON) and appends batches `k<batch>-<i>` of argv[3] events, printing each batch's last
 * event id once `appendEvents` has resolved, i.e. once the batch is acknowledged. The test kills it
 * mid-stream. It stops on its own after argv[4] batches, or when its parent stops reading.
 */
import { openStore } from '../open-store';
import { StoreConfigSchema } from '../input-schemas';
import { buildBatch } from './event-builders';

const config = StoreConfigSchema.parse(JSON.parse(process.argv[2] ?? ''));
const batchSize = Number(process.argv[3] ?? 20);
const maxBatches = Number(process.argv[4] ?? 10_000);
process.stdout.on('error', () => process.exit(1));

const store = await openStore(config);
process.stdout.write('ready\n');
for (let batch = 0; batch < maxBatches; batch += 1) {
  const entries = buildBatch(`k${batch}`, batchSize, Date.now());
  await store.appendEvents(entries);
  process.stdout.write(`${entries.at(-1)!.event.eventId}\n`);
}
await store.close();
