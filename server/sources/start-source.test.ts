import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readIngestCounts, spawnSidecar, type SidecarProcess } from '@/server/test-helpers/sidecar-process';
import { startFakeConnect, type FakeConnect } from './connect/test-helpers/fake-connect';

const INSTANCE = '11111111-2222-3333-4444-555555555555';
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test('R30 with CONNECT_INSTANCE_ID the sidecar reconciles with Amazon Connect and reports it in /api/status', async () => {
  const fake: FakeConnect = await startFakeConnect(INSTANCE);
  cleanups.push(() => fake.close());
  fake.state.attributes.set('MULTI_PARTY_CONFERENCE', 'false');
  const dir = mkdtempSync(join(tmpdir(), 'confwatch-connect-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const sidecar: SidecarProcess = await spawnSidecar({
    DATA_DIR: dir,
    CONNECT_INSTANCE_ID: INSTANCE,
    AWS_REGION: 'eu-central-1',
    CONNECT_ENDPOINT: fake.endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    CONFERENCE_MODE: 'multi-party',
  });
  cleanups.push(() => sidecar.child.kill('SIGKILL'));
  await expect
    .poll(async () => (await sidecar.getJson('/api/status')).connect, { timeout: 10_000 })
    .toMatchObject({ multiParty: false, modeMatches: false });
  expect(fake.requestsFor('DescribeInstanceAttribute')[0]!.signed).toBe(true);
  expect(sidecar.output()).toMatch(/CONFERENCE_MODE=three-party/);
});

test('O1 a simulator restarted on the same DATA_DIR continues with new calls: accepted > 0, no duplicates, same token', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'confwatch-sim-restart-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  // The simulator's own duplicates off, so every duplicate would be a re-sent earlier run.
  const env = { DATA_DIR: dir, SOURCE: 'simulator', SIM_SPEED: '20', SIM_DUPLICATE_RATE: '0' };
  const readRun = async (sidecar: SidecarProcess) =>
    (await sidecar.getJson('/api/status')).simulator.run as number;
  const counts = (sidecar: SidecarProcess) => readIngestCounts(sidecar.url);
  const first = await spawnSidecar(env);
  cleanups.push(() => first.child.kill('SIGKILL'));
  await expect.poll(async () => (await counts(first)).accepted, { timeout: 15_000 }).toBeGreaterThan(50);
  const firstRun = await readRun(first);
  const token = readFileSync(join(dir, 'ingest-token'), 'utf8').trim();
  expect(first.output()).toContain(`INGEST_TOKEN (generated now, kept in ${join(dir, 'ingest-token')}`);
  await first.kill9();

  const second = await spawnSidecar(env);
  cleanups.push(() => second.child.kill('SIGKILL'));
  await expect.poll(async () => (await counts(second)).accepted, { timeout: 15_000 }).toBeGreaterThan(50);
  expect(await counts(second)).toMatchObject({ duplicates: 0 });
  expect(await readRun(second)).toBeGreaterThan(firstRun);
  expect(second.output()).toMatch(/restored [1-9]\d* logged events/);
  // The same token, kept in DATA_DIR; a restart says where, without printing it again.
  expect(readFileSync(join(dir, 'ingest-token'), 'utf8').trim()).toBe(token);
  expect(second.output()).toMatch(/INGEST_TOKEN \(kept in [^)]+\)\n/);
  expect(second.output()).not.toContain(token);
}, 120_000);
