import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { spawnSidecar, type SidecarProcess } from '@/server/test-helpers/sidecar-process';
import { startFakeConnect, type FakeConnect } from './connect/test-helpers/fake-connect';

const INSTANCE = '11111111-2222-3333-4444-555555555555';
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test('R30 with CONNECT_INSTANCE_ID the sidecar reconciles with Amazon Connect and reports it in /healthz', async () => {
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
    .poll(async () => (await (await fetch(`${sidecar.url}/healthz`)).json()).connect, { timeout: 10_000 })
    .toMatchObject({ multiParty: false, modeMatches: false });
  expect(fake.requestsFor('DescribeInstanceAttribute')[0]!.signed).toBe(true);
  expect(sidecar.output()).toMatch(/CONFERENCE_MODE=three-party/);
});
