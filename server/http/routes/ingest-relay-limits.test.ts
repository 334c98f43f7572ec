import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ccpSnapshot } from '@/server/test-helpers/raw-builders';
import { startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

/**
 * The CCP relay's limits are keyed on what the sender writes (`agentArn`): a sender that writes a
 * new agent into every item must neither stall the sidecar nor get the items through.
 */

const RELAY = 'relay-token-0123456789abcdef';
let sidecar: TestSidecar;

beforeAll(async () => {
  sidecar = await startTestSidecar({ CCP_RELAY_TOKEN: RELAY, CCP_RELAY_AGENTS_PER_MINUTE: '4' });
});
afterAll(() => sidecar.stop());

const relayPost = (body: unknown, token = RELAY) =>
  sidecar.post('ccp', body, { authorization: `Bearer ${token}` });

/** `count` items of about 22 bytes, each naming an agent of its own (the reported attack's shape). */
const distinctAgents = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ agentArn: `${prefix}${i}` }));

describe('the CCP relay credential and sender-chosen agents', () => {
  test('two 450 KB posts of 20,000 distinct agents each answer fast, and /healthz stays responsive meanwhile', async () => {
    const bodies = ['a', 'b'].map((prefix) => JSON.stringify(distinctAgents(`${prefix}-agent-`, 20_000)));
    expect(bodies[0]!.length).toBeGreaterThan(400_000);
    let probing = true;
    const healthz: number[] = [];
    const probe = (async () => {
      while (probing) {
        const started = performance.now();
        const ok = await fetch(`${sidecar.url}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        healthz.push(ok ? performance.now() - started : Infinity);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const timings: number[] = [];
    try {
      for (const body of bodies) {
        const started = performance.now();
        const answer = await relayPost(body);
        timings.push(performance.now() - started);
        expect(answer.status).toBe(202);
        expect(answer.body.accepted).toBe(0);
        expect(answer.body.rejected).toHaveLength(20_000);
      }
    } finally {
      probing = false;
      await probe;
    }
    // Before: 2.5 s and 11 s, /healthz stalled 10 s. Generous bounds for a shared, noisy machine.
    for (const ms of timings) expect(ms).toBeLessThan(3_000);
    expect(healthz.length).toBeGreaterThan(0);
    expect(Math.max(...healthz)).toBeLessThan(1_000);
  }, 60_000);

  test('a request reports at most 2 agents and a credential at most CCP_RELAY_AGENTS_PER_MINUTE; the excess is rejected alone, with a reason', async () => {
    const token = await sidecar.token('ccp-relay');
    const self = [{ kind: 'self' as const, state: 'connected' as const }];
    const items = ['ana', 'ben', 'cem'].map((name, i) => ccpSnapshot(name, i, self, { root: `cap-${name}` }));
    const first = await relayPost(items, token);
    expect(first.status).toBe(202);
    expect(first.body.accepted).toBe(2);
    expect(first.body.rejected).toEqual([{ index: 2, reason: expect.stringMatching(/at most 2 agents/) }]);

    // ana and ben count toward the credential's 4 agents a minute: dan and eva fill it, fay is refused.
    const second = await relayPost(
      ['dan', 'eva'].map((name, i) => ccpSnapshot(name, 10 + i, self, { root: `cap-${name}` })),
      token,
    );
    expect(second.body).toMatchObject({ accepted: 2, rejected: [] });
    const third = await relayPost(
      [ccpSnapshot('fay', 20, self, { root: 'cap-fay' }), ccpSnapshot('ana', 21, self, { root: 'cap-ana' })],
      token,
    );
    expect(third.body.accepted).toBe(1);
    expect(third.body.rejected).toEqual([
      { index: 0, reason: expect.stringContaining('CCP_RELAY_AGENTS_PER_MINUTE') },
    ]);
    // Another relay credential has a budget of its own.
    const other = await relayPost(
      [ccpSnapshot('fay', 22, self, { root: 'cap-fay' })],
      await sidecar.token('ccp-relay'),
    );
    expect(other.body).toMatchObject({ accepted: 1, rejected: [] });
  });
});
