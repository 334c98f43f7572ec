import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_EVENTS } from '@/lib/realtime';
import { agentContact, agentEvent, ccpSnapshot, contactEvent } from '@/server/test-helpers/raw-builders';
import { handshake } from '@/server/test-helpers/sign-in';
import { connectBoardClient, startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

/**
 * Issue 11, split credentials: INGEST_TOKEN for server-side sources, CCP_RELAY_TOKEN for agents'
 * browsers (CCP snapshots only, limited per agent), the source clock only from a replay token,
 * and WALLBOARD_TOKEN for the wallboard's data and nothing else.
 */

const RELAY = 'relay-token-0123456789abcdef';
const WALLBOARD = 'wallboard-token-0123456789abcdef';
let sidecar: TestSidecar;

beforeAll(async () => {
  sidecar = await startTestSidecar({
    CCP_RELAY_TOKEN: RELAY,
    WALLBOARD_TOKEN: WALLBOARD,
    CCP_RELAY_PER_AGENT_PER_MINUTE: '3',
  });
});
afterAll(() => sidecar.stop());

const as = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  ...extra,
});
const clock = () => ({ 'x-confwatch-source-clock': new Date().toISOString() });

describe('the CCP relay credential (issue 11)', () => {
  test('cannot post contact or agent events (403), only CCP snapshots', async () => {
    const contact = await sidecar.post(
      'contact-events',
      [contactEvent('INITIATED', 0, { root: 'forged' })],
      as(RELAY),
    );
    expect(contact.status).toBe(403);
    expect(contact.body.error).toMatch(/ccp-relay role/);
    const agent = await sidecar.post(
      'agent-events',
      agentEvent('mallory', 1, [agentContact('CONNECTED')]),
      as(RELAY),
    );
    expect(agent.status).toBe(403);
    const firehose = await fetch(`${sidecar.url}/ingest/firehose/contact-events`, {
      method: 'POST',
      headers: { 'x-amz-firehose-access-key': RELAY, 'content-type': 'application/json' },
      body: JSON.stringify({ requestId: 'r', timestamp: 1, records: [] }),
    });
    expect(firehose.status).toBe(403);
    const snapshot = ccpSnapshot('alice', 2, [{ kind: 'self', state: 'connected' }], { root: 'relay-call' });
    expect((await sidecar.post('ccp', [snapshot], as(RELAY))).status).toBe(202);
    const board = (await sidecar.get('/api/conferences?include=ended')).body.conferences as { id: string }[];
    expect(board.map((c) => c.id)).not.toContain('forged');
  });

  test('cannot set the clock (403), and neither can the ingest token; a replay token can', async () => {
    for (const token of [RELAY, await sidecar.token('ingest')]) {
      const res = await sidecar.post('ccp', [], as(token, clock()));
      expect(res.status).toBe(403);
      expect(res.body.error).toMatch(/only a replay token/);
    }
    expect((await sidecar.post('contact-events', [], clock())).status).toBe(403); // INGEST_TOKEN itself
    expect(
      (await sidecar.post('contact-events', [], as(await sidecar.token('replay'), clock()))).status,
    ).toBe(202);
  });

  test('each agent is held to CCP_RELAY_PER_AGENT_PER_MINUTE; other agents in the batch are not', async () => {
    const flood = Array.from({ length: 5 }, (_, i) =>
      ccpSnapshot('bruno', 10 + i, [{ kind: 'self', state: 'connected' }], { root: `flood-${i}` }),
    );
    const other = ccpSnapshot('clara', 20, [{ kind: 'self', state: 'connected' }], { root: 'calm' });
    const res = await sidecar.post('ccp', [...flood, other], as(RELAY));
    expect(res.status).toBe(202);
    expect(res.body.rejected).toEqual([
      { index: 3, reason: expect.stringContaining('CCP_RELAY_PER_AGENT_PER_MINUTE') },
      { index: 4, reason: expect.stringContaining('CCP_RELAY_PER_AGENT_PER_MINUTE') },
    ]);
    // The server-side ingest credential is not held to the relay's per-agent limit.
    const again = await sidecar.post(
      'ccp',
      Array.from({ length: 5 }, (_, i) =>
        ccpSnapshot('bruno', 30 + i, [{ kind: 'self', state: 'connected' }], { root: `srv-${i}` }),
      ),
    );
    expect(again.body.rejected).toEqual([]);
  });
});

describe('the wallboard credential (issue 11)', () => {
  test('opens the wallboard data (its settings and the live feed) and nothing else', async () => {
    expect((await sidecar.get('/api/config', WALLBOARD)).status).toBe(200);
    for (const path of [
      '/api/conferences',
      '/api/conferences/relay-call',
      '/api/audit',
      '/api/status',
      '/metrics',
    ])
      expect((await sidecar.get(path, WALLBOARD)).status, path).toBe(403);
    expect((await sidecar.post('ccp', [], as(WALLBOARD))).status).toBe(403);

    const client = connectBoardClient(sidecar.url, WALLBOARD);
    try {
      expect(await handshake(client.socket)).toBe(true);
      await client.until(() => client.snapshots.length === 1);
      // No detail of any call: a watch is ignored (the resync after it marks its turn).
      client.socket.emit(CLIENT_EVENTS.watch, { id: 'relay-call' });
      client.socket.emit(CLIENT_EVENTS.resync);
      await client.until(() => client.snapshots.length === 2, 5_000);
      expect(client.details).toEqual([]);
      const audit = await sidecar.get('/api/audit?action=denied&actor=WALLBOARD_TOKEN');
      expect(audit.body.entries.map((e: { target: string }) => e.target)).toContain(
        'conference:watch relay-call',
      );
    } finally {
      client.close();
    }
  });
});
