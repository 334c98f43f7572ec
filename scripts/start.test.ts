import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import {
  findFreePort,
  holdPort,
  runEntry,
  startEntry,
  type EntryProcess,
} from '@/server/test-helpers/node-entry';
import { asAdmin, PROCESS_ADMIN_TOKEN, readIngestCounts } from '@/server/test-helpers/sidecar-process';

/**
 * `npm start` itself (scripts/start.ts). The web process needs a Next.js build, which this checkout
 * cannot make, so the restart test runs the script's `--sidecar-only` mode: the same checks, the
 * same supervisor and the same sidecar, without the web process.
 */

const root = mkdtempSync(join(tmpdir(), 'confwatch-start-'));
const running: EntryProcess[] = [];
afterAll(async () => {
  for (const run of running) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

async function conferenceIds(url: string): Promise<Set<string>> {
  const response = await fetch(`${url}/api/conferences?include=ended`, { headers: asAdmin });
  const body = (await response.json()) as { conferences: { id: string }[] };
  return new Set(body.conferences.map((c) => c.id));
}

/** The calls a sidecar logged, read from its SQLite event log (after it was killed). */
function loggedRoots(dataDir: string): Set<string> {
  const db = new Database(join(dataDir, 'confwatch.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT DISTINCT root_id FROM event_log').all() as { root_id: string }[];
    return new Set(rows.map((row) => row.root_id));
  } finally {
    db.close();
  }
}

describe('npm start checks both environments before it starts anything', () => {
  test('bad settings of either process: one line each, exit code 2, no stack trace, nothing started', async () => {
    const [several, shared] = await Promise.all([
      runEntry('scripts/start.ts', [], { WEB_PORT: 'abc', REPLAY_SPEED: 'fast', DATA_DIR: join(root, 'a') }),
      runEntry('scripts/start.ts', [], { HOST: 'not a host', DATA_DIR: join(root, 'b') }),
    ]);
    expect(several.code).toBe(2);
    expect(several.stderr.trimEnd().split('\n')).toEqual([
      'confwatch: WEB_PORT="abc" is not valid: a port number from 0 to 65535 (0: any free port)',
      'confwatch: REPLAY_SPEED="fast" is not valid: a number from 0.01 to 10000, or "max"',
    ]);
    // HOST is read by both processes: said once.
    expect(shared.code).toBe(2);
    expect(shared.stderr.trimEnd().split('\n')).toEqual([
      'confwatch: HOST="not a host" is not valid: an IPv4 or IPv6 address (without brackets) or a host name, e.g. 127.0.0.1, 0.0.0.0, :: or localhost',
    ]);
    for (const result of [several, shared]) {
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stdout + result.stderr).not.toMatch(/sidecar started|building/);
    }
  }, 120_000);

  test('a sidecar that stops on its configuration (exit code 2) is not restarted: everything stops with 2', async () => {
    const held = await holdPort();
    try {
      const result = await runEntry('scripts/start.ts', ['--sidecar-only'], {
        DATA_DIR: join(root, 'held'),
        HOST: '127.0.0.1',
        SIDECAR_PORT: String(held.port),
        SOURCE: 'none',
      });
      expect(result.code).toBe(2);
      expect(result.stderr.match(/sidecar started/g)).toHaveLength(1);
      expect(result.stderr).toContain(
        `confwatch: SIDECAR_PORT=${held.port} on HOST="127.0.0.1" is already in use`,
      );
      expect(result.stderr).toContain(
        'confwatch: the sidecar refused its configuration (see above); stopping.',
      );
      expect(result.stderr).not.toMatch(/restarting/);
    } finally {
      await held.release();
    }
  }, 120_000);
});

/** An IPv4 address of this machine that is not loopback (where "the network" reaches it). */
function networkAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

const answers = (url: string) =>
  fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3_000) }).then(
    (r) => r.ok,
    () => false,
  );

describe('npm start keeps the sidecar off the network unless SIDECAR_HOST says otherwise', () => {
  test('HOST=0.0.0.0 puts the sidecar on loopback only; SIDECAR_HOST=0.0.0.0 on the network, with a PUBLIC_URL warning', async () => {
    const external = networkAddress();
    if (!external)
      console.log('no non-loopback IPv4 address here: reachability checked on loopback and in the log only');
    const run = async (extra: Record<string, string>) => {
      const port = await findFreePort();
      const start = startEntry('scripts/start.ts', ['--sidecar-only'], {
        DATA_DIR: join(root, `host-${port}`),
        HOST: '0.0.0.0',
        SIDECAR_PORT: String(port),
        SOURCE: 'none',
        ...extra,
      });
      running.push(start);
      await start.waitFor(/confwatch sidecar is running on/, 60_000);
      const reach = {
        loopback: await answers(`http://127.0.0.1:${port}`),
        network: external ? await answers(`http://${external}:${port}`) : undefined,
        output: start.stdout() + start.stderr(),
      };
      await start.stop('SIGTERM');
      return reach;
    };

    const kept = await run({});
    expect(kept.loopback).toBe(true);
    if (external) expect(kept.network).toBe(false);
    expect(kept.output).toMatch(/confwatch sidecar listening on http:\/\/127\.0\.0\.1:/);
    expect(kept.output).not.toMatch(/warning/);

    const exposed = await run({ SIDECAR_HOST: '0.0.0.0' });
    expect(exposed.loopback).toBe(true);
    if (external) expect(exposed.network).toBe(true);
    expect(exposed.output).toMatch(/confwatch: warning: SIDECAR_HOST=0\.0\.0\.0 .*PUBLIC_URL is not set/);
  }, 150_000);
});

test('O1 a sidecar killed with SIGKILL comes back within seconds, with the same ingest token and new simulated calls', async () => {
  const dataDir = join(root, 'restart');
  const sidecarPort = await findFreePort();
  const url = `http://127.0.0.1:${sidecarPort}`;
  const start = startEntry('scripts/start.ts', ['--sidecar-only'], {
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    SIDECAR_PORT: String(sidecarPort),
    WEB_PORT: String(await findFreePort()),
    SIM_SPEED: '20',
    SIM_CALLS_PER_MINUTE: '30',
    SIM_DUPLICATE_RATE: '0',
    ADMIN_TOKEN: PROCESS_ADMIN_TOKEN,
  });
  running.push(start);
  const [, firstPid] = await start.waitFor(/sidecar started \(pid (\d+)\)/, 60_000);
  // The token is shown on the start that generates it; it is read from where it is kept.
  await start.waitFor(/INGEST_TOKEN \(generated now, kept in [^)]+\): \S+/, 60_000);
  const token = readFileSync(join(dataDir, 'ingest-token'), 'utf8').trim();
  await start.waitFor(/confwatch sidecar is running on/, 60_000);
  // A first start prints the one way in: admin's one-time password, which must then be changed.
  const [, password] = await start.waitFor(/one-time password: (\S+)/, 10_000);
  const signIn = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  expect(await signIn.json()).toMatchObject({ name: 'admin', role: 'admin', mustChangePassword: true });
  await expect.poll(async () => (await conferenceIds(url)).size, { timeout: 30_000 }).toBeGreaterThan(0);

  process.kill(Number(firstPid), 'SIGKILL');
  const killedAt = Date.now();
  const oldCalls = loggedRoots(dataDir);
  expect(oldCalls.size).toBeGreaterThan(0);
  await start.waitFor(
    /the sidecar exited \(SIGKILL\); restarting in 1 s\n[^\n]*sidecar started \(pid (\d+)\)/,
    10_000,
  );
  await expect
    .poll(
      async () => {
        const ids = await conferenceIds(url).catch(() => new Set<string>());
        return [...ids].filter((id) => !oldCalls.has(id)).length;
      },
      { timeout: 10_000 - (Date.now() - killedAt), interval: 200 },
    )
    .toBeGreaterThan(0);
  const secondsToNewCalls = (Date.now() - killedAt) / 1000;
  expect(secondsToNewCalls).toBeLessThan(10);

  // A restart says where the token is kept, and does not print it again.
  await start.waitFor(/INGEST_TOKEN \(kept in [^)]+\)\n/, 5_000);
  expect((start.stdout() + start.stderr()).split(token).length - 1).toBe(1);
  expect(readFileSync(join(dataDir, 'ingest-token'), 'utf8').trim()).toBe(token);
  const post = (bearer: string) =>
    fetch(`${url}/ingest/contact-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: '[]',
    });
  expect((await post(token)).status).toBe(202);
  expect((await post(`${token}x`)).status).toBe(401);
  // The restarted run re-sent nothing: with the simulator's own duplicates off, none at all.
  const counts = await readIngestCounts(url);
  expect(counts.accepted).toBeGreaterThan(0);
  expect(counts.duplicates).toBe(0);

  start.child.kill('SIGTERM');
  expect((await start.exited).code).toBe(0);
  await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  console.log(`new simulated calls on the board ${secondsToNewCalls.toFixed(1)} s after the SIGKILL`);
}, 180_000);
