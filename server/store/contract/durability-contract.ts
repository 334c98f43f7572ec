import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { StoreConfig } from '../store';
import type { ContractContext } from './context';
import { eventIds, readWholeLog } from './read-all';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../test-fixtures/append-until-killed.ts', import.meta.url));
const BATCH_SIZE = 20;
const KILL_AFTER = 40;

/**
 * Runs the fixture, SIGKILLs it once `KILL_AFTER` batches are acknowledged (while it is appending
 * the next), and returns the acknowledged last-event ids. npx and tsx each start a process, so
 * the fixture gets its own process group and the whole group is killed.
 */
function appendUntilKilled(config: StoreConfig): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', FIXTURE, JSON.stringify(config), String(BATCH_SIZE), '100000'], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line !== 'ready') acked.push(line);
      if (!killed && acked.length >= KILL_AFTER) {
        killed = true;
        process.kill(-child.pid!, 'SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (killed) resolve(acked);
      else
        reject(
          new Error(
            `fixture exited early (code ${code}, signal ${signal}) after ${acked.length} acks:\n${stderr}`,
          ),
        );
    });
  });
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
