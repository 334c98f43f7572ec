import { afterEach, describe, expect, test } from 'vitest';
import { agentArn, T0 } from '@/server/test-helpers/raw-builders';
import { fakeContact, fakeUser, seedFake } from './test-helpers/fake-connect-state';
import {
  INSTANCE_ID,
  partyOf,
  postCalls,
  startHarness,
  type Harness,
} from './test-helpers/reconcile-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('instance mode: DescribeInstanceAttribute', () => {
  test('R30 multi-party calling off while CONFERENCE_MODE=multi-party is reported, with the fix', async () => {
    h = await startHarness({ expectedMode: 'multi-party', multiParty: true });
    expect(h.reconciler.status()).toMatchObject({ multiParty: true, modeMatches: true });
    expect(h.logs).toEqual([]);

    h.fake.state.attributes.set('MULTI_PARTY_CONFERENCE', 'false');
    await h.reconciler.checkMode();

    expect(h.reconciler.status()).toMatchObject({ multiParty: false, modeMatches: false });
    expect(h.logs).toEqual([
      'connect reconcile: warning: the instance has multi-party calling off but CONFERENCE_MODE=multi-party: ' +
        'the cap shown (6) is wrong; set CONFERENCE_MODE=three-party or switch MULTI_PARTY_CONFERENCE on ' +
        '(UpdateInstanceAttribute in GovCloud, R30)',
    ]);
    const requests = h.fake.requestsFor('DescribeInstanceAttribute');
    expect(requests.map((r) => [r.method, r.path, r.signed])).toEqual([
      ['GET', `/instance/${INSTANCE_ID}/attribute/MULTI_PARTY_CONFERENCE`, true],
      ['GET', `/instance/${INSTANCE_ID}/attribute/MULTI_PARTY_CONFERENCE`, true],
    ]);
  });

  test('R1 multi-party calling on while CONFERENCE_MODE=three-party is reported: the cap of 3 is wrong', async () => {
    h = await startHarness({ expectedMode: 'three-party', multiParty: true });
    expect(h.reconciler.status()).toMatchObject({ multiParty: true, modeMatches: false });
    expect(h.logs.join('\n')).toMatch(
      /multi-party calling on but CONFERENCE_MODE=three-party: the cap shown \(3\)/,
    );
  });
});

describe('rate limits and bad answers', () => {
  test('a throttled request (429) is counted, ends the round, and the next round carries on', async () => {
    h = await startHarness({ quietMs: 0 });
    await postCalls(h.sidecar, [{ root: 'thr-1', agent: 'alice' }]);
    seedFake(h.fake.state, { users: [fakeUser(agentArn('alice'))] });
    h.fake.state.throttle = Infinity;

    await h.reconciler.runOnce();

    const status = h.reconciler.status();
    expect(status.throttled).toBe(1);
    expect(status.lastError).toMatch(/GetCurrentUserData: Rate exceeded \(throttled/);
    // The SDK tried three times; the quiet legs were left for the next round.
    expect(h.fake.requestsFor('GetCurrentUserData')).toHaveLength(3);
    expect(h.fake.requestsFor('DescribeContact')).toHaveLength(0);
    expect(h.ingested).toEqual([]);

    h.fake.state.throttle = 0;
    await h.reconciler.runOnce();

    expect(partyOf(await h.view('thr-1'), 'alice').state).toBe('disconnected');
    expect(h.fake.requestsFor('DescribeContact')).toHaveLength(1);
    expect(h.reconciler.status()).toMatchObject({
      throttled: 1,
      lastError: expect.stringMatching(/ResourceNotFoundException/),
      calls: { GetCurrentUserData: 2, DescribeContact: 1, DescribeInstanceAttribute: 1 },
    });
  }, 20_000);

  test('malformed answers are logged and skipped, never fatal, and spoil only what they describe', async () => {
    h = await startHarness({ quietMs: 0 });
    await postCalls(h.sidecar, [
      { root: 'bad-1', agent: 'alice' },
      { root: 'bad-2', agent: 'bob', transferTo: 'carol' },
    ]);
    seedFake(h.fake.state, {
      contacts: [fakeContact('bad-1', T0), fakeContact('bad-2', T0, { disconnectedAt: T0 + 40_000 })],
    });
    h.fake.state.rawBody.GetCurrentUserData = JSON.stringify({
      UserDataList: [
        { User: { Id: 'alice' }, Contacts: [] },
        { User: { Id: 'bob', Arn: agentArn('bob') }, Contacts: [] },
      ],
    });
    h.fake.state.rawBody.DescribeContact = '<html>Service Unavailable</html>';

    await h.reconciler.runOnce();

    const logs = () => h!.logs.join('\n');
    expect(logs()).toMatch(/GetCurrentUserData: malformed response: UserDataList\.0: User\.Arn/);
    expect(logs()).toMatch(/DescribeContact: malformed response: Unexpected token/);
    expect(h.fake.requestsFor('DescribeContact').length).toBeGreaterThanOrEqual(2);
    expect(partyOf(await h.view('bad-1'), 'alice').state).toBe('connected');
    expect(partyOf(await h.view('bad-2'), 'bob').state).toBe('disconnected');
    expect((await h.view('bad-2')).state).toBe('active');

    h.fake.state.rawBody = { GetCurrentUserData: '{"UserDataList":"not a list"}' };
    await h.reconciler.runOnce();

    expect(logs()).toMatch(/GetCurrentUserData: malformed response: UserDataList: /);
    const customer = (await h.view('bad-2')).participants.find((p: any) => p.role === 'customer');
    expect(customer.state).toBe('disconnected');
    expect(partyOf(await h.view('bad-1'), 'alice').state).toBe('connected');
  });

  test('DescribeContact beyond its burst of 15 goes out at 10 per second', async () => {
    h = await startHarness({ quietMs: 0 });
    const calls = Array.from({ length: 30 }, (_, i) => ({ root: `rate-${i}`, agent: `agent-${i}` }));
    await postCalls(h.sidecar, calls);

    await h.reconciler.runOnce();

    const times = h.fake.requestsFor('DescribeContact').map((r) => r.at);
    expect(times).toHaveLength(30);
    // Measured from the second request, once the connection is warm. A bucket of 15 refilled at
    // 10/s lets requests 2–30 through no faster than (29 - 14) / 10 s; the first 15 go at once.
    expect(times[29]! - times[1]!).toBeGreaterThanOrEqual(1_300);
    expect(times[14]! - times[0]!).toBeLessThan(1_200);
  });

  test('stop() ends a round waiting for its rate limit, and no round runs after it', async () => {
    h = await startHarness({ quietMs: 0 });
    const calls = Array.from({ length: 40 }, (_, i) => ({ root: `stop-${i}`, agent: `agent-${i}` }));
    await postCalls(h.sidecar, calls);
    seedFake(h.fake.state, { contacts: calls.map((c) => fakeContact(c.root, T0)) });
    const round = h.reconciler.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 100));

    const started = Date.now();
    await h.reconciler.stop();
    await round;
    expect(Date.now() - started).toBeLessThan(1_000);
    const asked = h.fake.requestsFor('DescribeContact').length;
    expect(asked).toBeLessThan(40);

    await h.reconciler.runOnce();
    expect(h.fake.requestsFor('DescribeContact')).toHaveLength(asked);
    expect(h.reconciler.status().lastError).toBe(null);
  });
});
