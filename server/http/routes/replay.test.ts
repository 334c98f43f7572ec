import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pictureAt } from '@/lib/reports/picture-at';
import { ReplaySchema, type Replay } from '@/lib/reports/report-responses';
import { ccpSnapshot, contactEvent, queueArn, T0 } from '@/server/test-helpers/raw-builders';
import { ADMIN, startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

/** A three-party call in queue `queue`: the customer is muted from 30 s to 40 s; it ends at 60 s. */
function threePartyCall(root: string, queue: string) {
  const leg = `${root}-t`;
  return {
    started: [
      contactEvent('INITIATED', 0, { root, queue }),
      contactEvent('CONNECTED_TO_AGENT', 5, { root, queue, agent: `ann-${root}` }),
      contactEvent('INITIATED', 10, { root, contactId: leg, previous: root, queue }),
      contactEvent('CONNECTED_TO_AGENT', 15, { root, contactId: leg, queue, agent: `bo-${root}` }),
    ],
    muted: [
      ccpSnapshot(`ann-${root}`, 30, [{ kind: 'customer', state: 'connected', muted: true }], { root }),
      ccpSnapshot(`ann-${root}`, 40, [{ kind: 'customer', state: 'connected', muted: false }], { root }),
    ],
    ended: [
      contactEvent('DISCONNECTED', 60, { root, contactId: leg, queue }),
      contactEvent('DISCONNECTED', 60, { root, queue }),
    ],
  };
}

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar({ ENDED_GRACE_SECONDS: '2' });
});
afterAll(() => sidecar.stop());

const replayOf = (id: string, token?: string | null) => sidecar.get(`/api/conferences/${id}/replay`, token);

async function post(stream: 'contact-events' | 'ccp', items: unknown[]) {
  const answer = await sidecar.post(stream, items);
  expect(answer.status).toBe(202);
  expect(answer.body.rejected).toEqual([]);
}

describe('GET /api/conferences/:id/replay', () => {
  test('409 while live; from the board without picture changes within the grace time; then from history', async () => {
    const call = threePartyCall('replay-1', 'Sales');
    await post('contact-events', call.started);
    await post('ccp', call.muted);
    const live = await replayOf('replay-1');
    expect(live).toEqual({
      status: 409,
      body: { error: 'conference replay-1 is still live: its replay is ready once it ends' },
    });

    await post('contact-events', call.ended);
    const board = ReplaySchema.parse((await replayOf('replay-1')).body);
    expect(board.conference.endedAt).toBe(new Date(T0 + 60_000).toISOString());
    expect([board.onBoard, board.pictureChanges]).toEqual([true, null]);

    let stored: Replay | undefined;
    await expect
      .poll(
        async () => {
          stored = ReplaySchema.parse((await replayOf('replay-1')).body);
          return !stored.onBoard;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const replay = stored!;
    expect(replay.pictureChanges).not.toBeNull();
    // The marks: every timeline entry of the record, in time order.
    expect(replay.events.map((e) => e.at)).toEqual(
      replay.conference.timeline.map((e) => Date.parse(e.at)).sort((a, b) => a - b),
    );
    expect(replay.events.filter((e) => e.kind === 'joined')).toHaveLength(3);
    // What a replay needs beyond the record: when the customer's mute became known and changed.
    const customer = `c:replay-1`;
    expect(replay.pictureChanges!.filter((c) => c.party === customer && c.field === 'muted')).toEqual([
      { at: T0 + 30_000, party: customer, field: 'muted', value: true },
      { at: T0 + 40_000, party: customer, field: 'muted', value: false },
    ]);
    const before = pictureAt(replay.conference, T0 + 20_000, replay.pictureChanges!);
    const during = pictureAt(replay.conference, T0 + 35_000, replay.pictureChanges!);
    expect(before.parties.find((p) => p.id === customer)!.muted).toBeNull();
    expect(during.parties.find((p) => p.id === customer)!.muted).toBe(true);
    expect(during.counted).toBe(3);
  });

  test('supervisor, manager and admin may replay; wallboard 403; anonymous 401; out of scope and unknown 404', async () => {
    const call = threePartyCall('replay-2', 'Billing');
    await post('contact-events', [...call.started, ...call.ended]);
    const supervisor = await sidecar.token('supervisor');
    const manager = await sidecar.token('manager');
    await expect.poll(async () => (await replayOf('replay-2')).status, { timeout: 10_000 }).toBe(200);
    expect((await replayOf('replay-2', supervisor)).status).toBe(200);
    expect((await replayOf('replay-2', manager)).status).toBe(200);
    expect((await replayOf('replay-2', ADMIN)).status).toBe(200);
    expect((await replayOf('replay-2', await sidecar.token('wallboard'))).status).toBe(403);
    expect((await replayOf('replay-2', null)).status).toBe(401);

    // Contact events name queues by ARN only: a scope names them the same way.
    const billing = await sidecar.token('manager', { queues: [queueArn('Billing')] });
    const sales = await sidecar.token('supervisor', { queues: [queueArn('Sales')] });
    expect((await replayOf('replay-2', billing)).status).toBe(200);
    expect(await replayOf('replay-2', sales)).toEqual({
      status: 404,
      body: { error: 'no conference replay-2' },
    });
    expect((await replayOf('no-such-call')).status).toBe(404);
  });
});
