import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inScope, scopeKeysOf } from '@/lib/conference';
import { CLIENT_EVENTS, type BoardSnapshot } from '@/lib/realtime';
import { contactEvent, queueArn } from '@/server/test-helpers/raw-builders';
import {
  connectBoardClient,
  startTestSidecar,
  type BoardClient,
  type TestSidecar,
} from '@/server/test-helpers/test-sidecar';

/**
 * Issue 11 scope, as a property over random scopes and random sets of calls: a scoped token's
 * snapshot, every patch, the alerts in them, its socket detail and its REST list and detail never
 * hold a call out of its scope and always hold every call in it. One sidecar serves every run;
 * each run's calls have ids of their own.
 */

const SEED = Number(process.env.FC_SEED ?? 20261124);
const GROUP = 'arn:aws:connect:eu-central-1:111122223333:instance/i-1/agent-group';
const QUEUES = ['North', 'South', 'East', 'West'].map(queueArn);
const GROUPS = ['berlin', 'paris', 'rome'].map((g) => `${GROUP}/${g}`);

type CallPlan = { queue: string | null; group: string | null; lens: boolean; early: boolean };
type Plan = { calls: CallPlan[]; scope: { queues: string[]; groups: string[] } };

const callArb: fc.Arbitrary<CallPlan> = fc.record({
  queue: fc.option(fc.constantFrom(...QUEUES), { nil: null }),
  group: fc.option(fc.constantFrom(...GROUPS), { nil: null }),
  lens: fc.boolean(),
  early: fc.boolean(),
});
const planArb: fc.Arbitrary<Plan> = fc.record({
  calls: fc.array(callArb, { minLength: 1, maxLength: 6 }),
  scope: fc.record({ queues: fc.subarray(QUEUES), groups: fc.subarray(GROUPS) }),
});

/** S1 S2, written out from the plan (not from the engine): a queue or a group in the scope. */
function expectedIn(call: CallPlan, scope: Plan['scope']): boolean {
  if (scope.queues.length === 0 && scope.groups.length === 0) return true;
  return (
    (call.queue !== null && scope.queues.includes(call.queue)) ||
    (call.group !== null && scope.groups.includes(call.group))
  );
}

/** A three-party call: the customer in `queue`, an agent of `group`, an external party dialled. */
function callEvents(root: string, call: CallPlan, s: number) {
  const connected = contactEvent('CONNECTED_TO_AGENT', s + 1, {
    root,
    agent: `agent-${root}`,
    ...(call.queue ? { queue: call.queue.split('/').at(-1)! } : {}),
  });
  if (call.group)
    (connected.detail.agentInfo as Record<string, unknown>).hierarchyGroups = { level1: { arn: call.group } };
  return [
    contactEvent('INITIATED', s, { root, lens: call.lens }),
    connected,
    contactEvent('INITIATED', s + 2, { root, contactId: `${root}-x`, method: 'EXTERNAL_OUTBOUND' }),
  ];
}

let sidecar: TestSidecar;
let everything: BoardClient;
beforeAll(async () => {
  sidecar = await startTestSidecar({ SOCKET_RESYNC_MIN_MS: '0', PUSH_COALESCE_MS: '0' });
  everything = connectBoardClient(sidecar.url);
  await everything.until(() => everything.snapshots.length === 1);
});
afterAll(async () => {
  everything.close();
  await sidecar.stop();
});

const seenByEverything = (ids: string[]) => () =>
  ids.every((id) => everything.pushes.some((p) => p.card.id === id));

async function roundTrip(client: BoardClient): Promise<BoardSnapshot> {
  const before = client.snapshots.length;
  client.socket.emit(CLIENT_EVENTS.resync);
  await client.until(() => client.snapshots.length > before);
  return client.snapshots.at(-1)!;
}

test('S1 S2 a scoped token sees exactly the calls in its scope: snapshot, patches, alerts, detail, REST', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(planArb, async ({ calls, scope }) => {
      run += 1;
      const roots = calls.map((_, i) => `sv${run}-${i}`);
      const inside = new Set(roots.filter((_, i) => expectedIn(calls[i]!, scope)));
      const ours = (id: string) => roots.includes(id);
      const batch = (early: boolean) =>
        calls.flatMap((call, i) => (call.early === early ? callEvents(roots[i]!, call, run * 20 + i) : []));
      const earlyIds = roots.filter((_, i) => calls[i]!.early);
      const lateIds = roots.filter((_, i) => !calls[i]!.early);

      expect((await sidecar.post('contact-events', batch(true))).status).toBe(202);
      await everything.until(seenByEverything(earlyIds));
      const token = await sidecar.token('supervisor', scope);
      const scoped = connectBoardClient(sidecar.url, token);
      try {
        await scoped.until(() => scoped.snapshots.length === 1);
        const first = scoped.snapshots[0]!.conferences.map((c) => c.id).filter(ours);
        expect(new Set(first)).toEqual(new Set(earlyIds.filter((id) => inside.has(id))));

        expect((await sidecar.post('contact-events', batch(false))).status).toBe(202);
        await everything.until(seenByEverything(lateIds));
        const last = await roundTrip(scoped);

        // Patches: nothing out of scope, ever; every late call in scope arrived whole.
        const patched = scoped.patches
          .flatMap((p) => [...p.upserts, ...p.changes].map((c) => c.id))
          .filter(ours);
        for (const id of patched) expect(inside.has(id), id).toBe(true);
        for (const id of lateIds.filter((id) => inside.has(id))) expect(patched).toContain(id);
        expect(new Set(last.conferences.map((c) => c.id).filter(ours))).toEqual(inside);

        // Alerts: a lens conflict on a three-party call (A2) reaches the scoped board only in scope.
        const alerted = new Set([
          ...scoped.patches.flatMap((p) => p.alerts.map((a) => a.conferenceId)),
          ...scoped.snapshots.flatMap((s) =>
            s.conferences.filter((c) => c.alerts.length > 0).map((c) => c.id),
          ),
        ]);
        for (const id of [...alerted].filter(ours)) expect(inside.has(id), id).toBe(true);
        roots.forEach((id, i) => {
          if (inside.has(id) && calls[i]!.lens) expect(alerted.has(id), id).toBe(true);
        });

        // Detail over the socket and REST, and the REST list; and the engine's own keys agree (S1).
        const listed = (await sidecar.get('/api/conferences', token)).body.conferences as { id: string }[];
        expect(new Set(listed.map((c) => c.id).filter(ours))).toEqual(inside);
        for (const id of roots) {
          const detail = await sidecar.get(`/api/conferences/${id}`, token);
          expect(detail.status, id).toBe(inside.has(id) ? 200 : 404);
          const view = (await sidecar.get(`/api/conferences/${id}`)).body;
          expect(inScope(scopeKeysOf(view), scope), id).toBe(inside.has(id));
          scoped.socket.emit(CLIENT_EVENTS.watch, { id });
        }
        await roundTrip(scoped);
        for (const id of roots) {
          const watched = scoped.details.find((d) => d.id === id);
          expect(watched?.conference?.id ?? null, id).toBe(inside.has(id) ? id : null);
        }
      } finally {
        scoped.close();
      }
    }),
    { seed: SEED, numRuns: 40 },
  );
}, 120_000);
