import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { describeExit, startNodeProcess } from '@/scripts/test-helpers/node-process';
import type { StoreConfig } from '../store';
import type { ContractContext } from './context';
import { eventIds, readWholeLog } from './read-all';

const FIXTURE = fileURLToPath(new URL('../test-fixtures/append-until-killed.ts', import.meta.url));
const BATCH_SIZE = 20;
const KILL_AFTER = 40;

/**
 * Runs the fixture, SIGKILLs its process group once `KILL_AFTER` batches are acknowledged (while
 * it is appending the next), and returns the acknowledged last-event ids.
 */
async function appendUntilKilled(config: StoreConfig): Promise<string[]> {
  const fixture = startNodeProcess(FIXTURE, {
    name: 'append-until-killed',
    args: [JSON.stringify(config), String(BATCH_SIZE), '100000'],
  });
  const acked: string[] = [];
  let killed = false;
  fixture.onLine((line) => {
    if (line !== 'ready') acked.push(line);
    if (!killed && acked.length >= KILL_AFTER) {
      killed = true;
      void fixture.stop('SIGKILL');
    }
  });
  const status = await fixture.exited;
  if (!killed)
    throw new Error(
      `fixture exited early (${describeExit(status)}) after ${acked.length} acks:\n${fixture.log()}`,
    );
  return acked;
}

export function registerDurabilityContract({ open, target }: ContractContext): void {
  describe('durability', () => {
    test(
      'after kill -9 mid-stream every acknowledged batch is there, and no batch is there in part',
      { timeout: 60_000 },
      async () => {
        const acked = await appendUntilKilled(target.config);
        expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);

        const store = await open();
        const logged = eventIds(await readWholeLog(store));
        const present = new Set(logged);
        for (const id of acked) expect(present.has(id), `acknowledged ${id} is missing`).toBe(true);

        const perBatch = new Map<string, number>();
        for (const id of logged) {
          const batch = id.slice(0, id.lastIndexOf('-'));
          perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
        }
        for (const [batch, count] of perBatch) expect(count, `batch ${batch}`).toBe(BATCH_SIZE);
      },
    );
  });
}
