import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { agentArn, agentContact, agentEvent, T0 } from '@/server/test-helpers/raw-builders';
import { toDisconnectedEvent } from './reconcile-legs';
import { fakeContact, seedFake } from './test-helpers/fake-connect-state';
import {
  expectAccepted,
  INSTANCE_ID,
  partyOf,
  postCalls,
  startHarness,
  type Harness,
} from './test-helpers/reconcile-harness';

const iso = (ms: number) => new Date(ms).toISOString();

describe('quiet legs: DescribeContact', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ quietMs: 0 });
  });
  afterEach(() => h.stop());

  /** A call down to the customer and bob (on the TRANSFER leg): alice, who answered, has left. */
  async function postCallWithoutAlice(root: string): Promise<void> {
    await postCalls(h.sidecar, [{ root, agent: 'alice', transferTo: 'bob' }]);
    await expectAccepted(
      h.sidecar.post('agent-events', agentEvent('alice', 25, [agentContact('ENDED', { root })])),
    );
    const view = await h.view(root);
    expect(view.state).toBe('active');
    expect(view.activeParticipants).toBe(2);
  }

  test('E5 quiet legs DescribeContact says ended are disconnected, and the call ends with its last party', async () => {
    await postCallWithoutAlice('e5-end');
    seedFake(h.fake.state, {
      contacts: [
        fakeContact('e5-end', T0, { disconnectedAt: T0 + 30_000, disconnectReason: 'CUSTOMER_DISCONNECT' }),
        fakeContact('e5-end-t', T0 + 5_000, {
          initialContactId: 'e5-end',
          previousContactId: 'e5-end',
          initiationMethod: 'TRANSFER',
          agentId: 'bob',
          disconnectedAt: T0 + 31_000,
        }),
      ],
    });

    await h.reconciler.runOnce();

    const asked = h.fake.requestsFor('DescribeContact').map((r) => [r.method, r.path, r.signed]);
    expect(asked.sort()).toEqual([
      ['GET', `/contacts/${INSTANCE_ID}/e5-end`, true],
      ['GET', `/contacts/${INSTANCE_ID}/e5-end-t`, true],
    ]);
    const view = await h.view('e5-end');
    expect(view.participants.find((p: any) => p.role === 'customer')).toMatchObject({
      state: 'disconnected',
      leftAt: iso(T0 + 30_000),
    });
    expect(partyOf(view, 'bob')).toMatchObject({ state: 'disconnected', leftAt: iso(T0 + 31_000) });
    expect(view.state).toBe('ended');
    expect(h.ingested).toContainEqual({
      source: 'contact',
      eventId: 'reconcile:e5-end-t:disconnected',
      type: 'DISCONNECTED',
      at: T0 + 31_000,
      disconnectedAt: T0 + 31_000,
      contactId: 'e5-end-t',
      rootId: 'e5-end',
      previousContactId: 'e5-end',
      method: 'TRANSFER',
      agentArn: agentArn('bob'),
    });
  });

  test('E5 a quiet leg still live is left as it is; a leg Connect does not know is logged and skipped', async () => {
    await postCalls(h.sidecar, [{ root: 'e5-gone', agent: 'carol' }]);
    await postCallWithoutAlice('e5-live');
    seedFake(h.fake.state, {
      contacts: [
        fakeContact('e5-live', T0),
        fakeContact('e5-live-t', T0 + 5_000, { initiationMethod: 'TRANSFER', agentId: 'bob' }),
      ],
    });

    await h.reconciler.runOnce();

    const asked = h.fake.requestsFor('DescribeContact').map((r) => r.path);
    expect(asked).toContain(`/contacts/${INSTANCE_ID}/e5-gone`);
    expect(asked).toContain(`/contacts/${INSTANCE_ID}/e5-live-t`);
    expect(h.ingested.filter((e) => e.source === 'contact')).toEqual([]);
    expect((await h.view('e5-live')).state).toBe('active');
    expect(h.logs.join('\n')).toMatch(
      /DescribeContact: ResourceNotFoundException: contact e5-gone not found/,
    );
    expect(h.reconciler.status().lastError).toMatch(/ResourceNotFoundException/);
  });
});

describe('toDisconnectedEvent', () => {
  const leg = { rootId: 'r', contactId: 'r-x' };

  test('E5 no DisconnectTimestamp means the leg is still up: no event', () => {
    expect(toDisconnectedEvent({ Id: 'r-x', InitiationMethod: 'EXTERNAL_OUTBOUND' }, leg, new Map())).toBe(
      undefined,
    );
  });

  test('E5 an agent id that is not on a live call names no agent; an unknown method becomes OTHER', () => {
    const event = toDisconnectedEvent(
      { Id: 'r-x', DisconnectTimestamp: 1_000, InitiationMethod: 'AGENT_REPLY', AgentInfo: { Id: 'zed' } },
      leg,
      new Map([['amy', agentArn('amy')]]),
    );
    expect(event).toEqual({
      source: 'contact',
      eventId: 'reconcile:r-x:disconnected',
      type: 'DISCONNECTED',
      at: 1_000,
      disconnectedAt: 1_000,
      contactId: 'r-x',
      rootId: 'r',
      method: 'OTHER',
    });
  });
});
