import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { agentArn, queueArn, T0 } from '@/server/test-helpers/raw-builders';
import { fakeAgentContact, fakeUser, seedFake } from './test-helpers/fake-connect-state';
import {
  clockShift,
  NOW,
  partyOf,
  postCalls,
  startHarness,
  type Harness,
} from './test-helpers/reconcile-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.stop());

const iso = (ms: number) => new Date(ms).toISOString();
const agentSnapshots = () => h.ingested.filter((e) => e.source === 'agent');

describe('agents: GetCurrentUserData', () => {
  test('M7 an agent whose GetCurrentUserData no longer lists the contact is disconnected', async () => {
    await postCalls(h.sidecar, [{ root: 'm7-left', agent: 'alice', transferTo: 'bob' }]);
    expect(partyOf(await h.view('m7-left'), 'alice').state).toBe('connected');
    seedFake(h.fake.state, {
      users: [
        fakeUser(agentArn('alice')),
        fakeUser(agentArn('bob'), [
          fakeAgentContact('m7-left-t', T0 + 7_000, { InitiationMethod: 'TRANSFER' }),
        ]),
      ],
    });

    await h.reconciler.runOnce();

    const view = await h.view('m7-left');
    expect(partyOf(view, 'alice')).toMatchObject({ state: 'disconnected', leftAt: iso(NOW) });
    expect(partyOf(view, 'bob').state).toBe('connected');
    expect(view.state).toBe('active');
    const [request] = h.fake.requestsFor('GetCurrentUserData');
    expect(request).toMatchObject({
      method: 'POST',
      path: '/metrics/userdata/11111111-2222-3333-4444-555555555555',
    });
    expect(request!.signed).toBe(true);
    expect([...request!.body.Filters.Agents].sort()).toEqual(['alice', 'bob']);
  });

  test('M7 an agent missing from the answer gets no snapshot: unknown is not gone', async () => {
    await postCalls(h.sidecar, [{ root: 'm7-unknown', agent: 'carol' }]);

    await h.reconciler.runOnce();

    expect(h.fake.requestsFor('GetCurrentUserData')[0]!.body.Filters.Agents).toContain('carol');
    expect(agentSnapshots().filter((e) => e.agentArn === agentArn('carol'))).toEqual([]);
    expect(partyOf(await h.view('m7-unknown'), 'carol').state).toBe('connected');
  });

  test('M7 a reconciled snapshot lists the voice contacts of known calls, with their state', async () => {
    await postCalls(h.sidecar, [{ root: 'm7-hold', agent: 'dave' }]);
    seedFake(h.fake.state, {
      users: [
        fakeUser(agentArn('dave'), [
          fakeAgentContact('m7-hold', T0 + 2_000, {
            AgentContactState: 'CONNECTED_ONHOLD',
            Queue: { Id: 'sales', Arn: queueArn('Sales') },
          }),
          fakeAgentContact('chat-1', T0, { Channel: 'CHAT' }),
          fakeAgentContact('not-a-known-call', T0),
        ]),
      ],
    });

    await h.reconciler.runOnce();

    expect(agentSnapshots()).toEqual([
      {
        source: 'agent',
        eventId: `reconcile:${agentArn('dave')}:${NOW}`,
        at: NOW,
        agentArn: agentArn('dave'),
        contacts: [
          {
            contactId: 'm7-hold',
            rootId: 'm7-hold',
            method: 'INBOUND',
            state: 'CONNECTED_ONHOLD',
            stateStartAt: T0 + 2_000,
            connectedAt: T0 + 2_000,
            queue: { arn: queueArn('Sales') },
          },
        ],
      },
    ]);
    const view = await h.view('m7-hold');
    expect(view.participants.find((p: any) => p.role === 'customer').state).toBe('hold');
  });

  test('follows NextToken until the answer runs out', async () => {
    const names = ['page-a', 'page-b', 'page-c', 'page-d', 'page-e'];
    await postCalls(
      h.sidecar,
      names.map((name) => ({ root: `paged-${name}`, agent: name })),
    );
    seedFake(h.fake.state, {
      users: names.map((name) => fakeUser(agentArn(name), [fakeAgentContact(`paged-${name}`, T0)])),
    });
    h.fake.state.pageSize = 2;

    await h.reconciler.runOnce();

    const requests = h.fake.requestsFor('GetCurrentUserData');
    expect(requests.map((r) => r.body.NextToken)).toEqual([undefined, 'page-2', 'page-4']);
    const seen = agentSnapshots().map((e) => e.agentArn);
    for (const name of names) expect(seen).toContain(agentArn(name));
  });

  test('asks about more than 100 agents 100 at a time', async () => {
    const names = Array.from({ length: 250 }, (_, i) => `bulk-${i}`);
    await postCalls(
      h.sidecar,
      names.map((name) => ({ root: `call-${name}`, agent: name })),
    );
    seedFake(h.fake.state, {
      users: names.map((name) => fakeUser(agentArn(name), [fakeAgentContact(`call-${name}`, T0)])),
    });

    await h.reconciler.runOnce();

    const asked = h.fake.requestsFor('GetCurrentUserData').map((r) => r.body.Filters.Agents as string[]);
    expect(asked.map((ids) => ids.length).sort()).toEqual([100, 100, 50]);
    const all = asked.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const name of names) expect(all).toContain(name);
    expect(new Set(agentSnapshots().map((e) => e.agentArn)).size).toBeGreaterThanOrEqual(250);
  });
});

describe('agents: repeated rounds', () => {
  test('M7 an unchanged answer is not fed back again (each round would add a fact per agent per call)', async () => {
    await postCalls(h.sidecar, [{ root: 'same-1', agent: 'erin' }]);
    seedFake(h.fake.state, { users: [fakeUser(agentArn('erin'), [fakeAgentContact('same-1', T0 + 2_000)])] });
    await h.reconciler.runOnce();
    await h.reconciler.runOnce();
    expect(agentSnapshots().filter((e) => e.agentArn === agentArn('erin'))).toHaveLength(1);
    seedFake(h.fake.state, { users: [fakeUser(agentArn('erin'))] });
    clockShift.ms = 15_000;
    await h.reconciler.runOnce();
    clockShift.ms = 0;
    expect(agentSnapshots().filter((e) => e.agentArn === agentArn('erin'))).toHaveLength(2);
    expect(partyOf(await h.view('same-1'), 'erin').state).toBe('disconnected');
  });

  test('E5 reconciliation is not news of a call: a call heard of only through it still goes quiet', async () => {
    await postCalls(h.sidecar, [{ root: 'quiet-1', agent: 'finn' }]);
    seedFake(h.fake.state, {
      users: [fakeUser(agentArn('finn'), [fakeAgentContact('quiet-1', T0 + 2_000)])],
    });
    await h.reconciler.runOnce();
    await new Promise((r) => setTimeout(r, 30));
    expect(h.sidecar.hub.reconciliation.targets(20).quietLegs.map((l) => l.contactId)).toContain('quiet-1');
  });
});
