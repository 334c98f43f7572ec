import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { agentContact, agentEvent, ccpSnapshot, contactEvent } from './test-helpers/raw-builders';
import { createScratchDatabase } from '@/scripts/test-helpers/scratch-database';
import { spawnSidecar, type SidecarProcess } from './test-helpers/sidecar-process';

const TOKEN = 'durability-token-0123456789';

async function post(url: string, stream: string, body: unknown): Promise<number> {
  const res = await fetch(`${url}/ingest/${stream}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}

const board = async (sidecar: SidecarProcess) =>
  ((await sidecar.getJson('/api/conferences?include=ended')) as { conferences: unknown[] }).conferences;

/** Posts a stream of calls, each batch acknowledged before the next; returns how many were acknowledged. */
async function postCalls(url: string, calls: number): Promise<void> {
  for (let i = 0; i < calls; i++) {
    const root = `k-${i}`;
    expect(
      await post(url, 'contact-events', [
        contactEvent('INITIATED', i, { root, lens: i % 2 === 0 }),
        contactEvent('CONNECTED_TO_AGENT', i + 2, { root, agent: `agent${i}` }),
        contactEvent('INITIATED', i + 5, { root, contactId: `${root}-t`, previous: root }),
        contactEvent('CONNECTED_TO_AGENT', i + 7, { root, contactId: `${root}-t`, agent: `second${i}` }),
      ]),
    ).toBe(202);
    expect(
      await post(
        url,
        'agent-events',
        agentEvent(`agent${i}`, i + 9, [agentContact('CONNECTED_ONHOLD', { root })]),
      ),
    ).toBe(202);
    expect(
      await post(
        url,
        'ccp',
        ccpSnapshot(`agent${i}`, i + 10, [{ kind: 'self', state: 'connected', muted: true }], { root }),
      ),
    ).toBe(202);
  }
}

describe.each(['sqlite', 'postgres'] as const)('kill -9 on %s', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** The sidecar's environment for a fresh store of this kind: its own data directory or database. */
  async function storeEnv(): Promise<Record<string, string>> {
    if (kind === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'confwatch-kill-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return { INGEST_TOKEN: TOKEN, DATA_DIR: dir };
    }
    const db = await createScratchDatabase();
    cleanups.push(() => db.drop());
    return { INGEST_TOKEN: TOKEN, DATABASE_URL: db.url };
  }

  test('a restart after kill -9 restores the live conferences exactly and loses nothing acknowledged', async () => {
    const env = await storeEnv();
    const first = await spawnSidecar(env);
    cleanups.push(() => void first.child.kill('SIGKILL'));
    await postCalls(first.url, 25);
    const before = await board(first);
    expect(before).toHaveLength(25);
    await first.kill9();

    const second = await spawnSidecar(env);
    cleanups.push(() => void second.child.kill('SIGKILL'));
    expect(second.output()).toMatch(/restored \d+ logged events into 25 live conferences/);
    expect(await board(second)).toEqual(before);
  });

  test('kill -9 in the middle of a stream of posts: every batch answered 202 is there after the restart', async () => {
    const env = await storeEnv();
    const first = await spawnSidecar(env);
    const acknowledged: string[] = [];
    let killed = false;
    const poster = (async () => {
      for (let i = 0; !killed; i++) {
        const root = `s-${i}`;
        const batch = [
          contactEvent('INITIATED', i, { root }),
          contactEvent('CONNECTED_TO_AGENT', i + 1, { root, agent: `a${i}` }),
        ];
        try {
          if ((await post(first.url, 'contact-events', batch)) === 202) acknowledged.push(root);
        } catch {
          return; // the connection died with the process: that batch was never acknowledged
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 700));
    killed = true;
    await first.kill9();
    await poster;
    expect(acknowledged.length).toBeGreaterThan(10);

    const second = await spawnSidecar(env);
    cleanups.push(() => void second.child.kill('SIGKILL'));
    const ids = new Set(((await board(second)) as { id: string }[]).map((c) => c.id));
    expect(acknowledged.filter((root) => !ids.has(root))).toEqual([]);
  });
});
