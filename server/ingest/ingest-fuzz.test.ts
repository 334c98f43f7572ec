import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PROPERTY_SEED as SEED } from '@/lib/conference/test-helpers/property-seed';
import type { LoggedEvent } from '@/server/store';
import { startTestSidecar, TOKEN, type TestSidecar } from '@/server/test-helpers/test-sidecar';
import { parseBoundedJson } from './bounded-json';
import {
  batchPlanArb,
  materializeBatch,
  streamOf,
  type BatchPlan,
  type FuzzItem,
} from './test-helpers/fuzz-items';

const BATCHES = 110;

/**
 * The production window (24 h); nothing ages out while the test runs (no long-hold alert, no end
 * grace expiring), so a view can only change because an item was applied.
 */
const ENV = {
  INGEST_TIME_WINDOW_HOURS: '24',
  LONG_HOLD_SECONDS: '86400',
  ENDED_GRACE_SECONDS: '3600',
  MAX_BODY_BYTES: String(32 * 1024 * 1024),
};

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar(ENV);
});
afterAll(() => sidecar.stop());

type Request = { path: string; headers: Record<string, string>; text: string; acceptable: boolean };

/**
 * The batch as its route takes it. `acceptable` says whether the bounded parser takes the body:
 * once the HTTP layer parses with it, a body it refuses is answered 400 as a whole.
 */
function encode(plan: BatchPlan, items: readonly FuzzItem[]): Request {
  if (plan.route.startsWith('firehose:')) {
    const records = items.map((item) => {
      const data = Buffer.from(item.text).toString('base64');
      return { data: item.notBase64 ? `%${data}` : data };
    });
    const text = plan.garbageBody ?? JSON.stringify({ requestId: 'fz', timestamp: Date.now(), records });
    return {
      path: `/ingest/firehose/${streamOf(plan.route)}`,
      headers: { 'x-amz-firehose-access-key': TOKEN },
      text,
      // A Firehose envelope holds whole records as strings: its parser needs room for them.
      acceptable: parseBoundedJson(text, { maxStringLength: 2 * 1024 * 1024 }).ok,
    };
  }
  const text =
    plan.garbageBody ??
    (plan.asArray || items.length !== 1 ? `[${items.map((i) => i.text).join(',')}]` : items[0]!.text);
  return {
    path: `/ingest/${plan.route}`,
    headers: { authorization: `Bearer ${TOKEN}` },
    text,
    acceptable: parseBoundedJson(text).ok,
  };
}

async function deliver(request: Request): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sidecar.url}${request.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.text,
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** Everything a refused item could have changed: the board, the named conferences, the log. */
async function fingerprint(roots: readonly string[]): Promise<unknown> {
  const board = (await sidecar.get('/api/conferences?include=ended')).body;
  const views = await Promise.all(roots.map(async (root) => sidecar.get(`/api/conferences/${root}`)));
  return { board, views, logSize: await sidecar.store.eventLogSize() };
}

async function counters(): Promise<Map<string, number>> {
  const text = (await sidecar.get('/metrics')).body as string;
  const out = new Map<string, number>();
  for (const [, labels, value] of text.matchAll(/^confwatch_ingest_events_total\{([^}]*)\} (\d+)/gm)) {
    const outcome = /outcome="([^"]+)"/.exec(labels!)![1]!;
    const source = /source="([^"]+)"/.exec(labels!)![1]!;
    out.set(`${source}|${outcome}`, Number(value));
  }
  return out;
}

const delta = (after: Map<string, number>, before: Map<string, number>, key: string) =>
  (after.get(key) ?? 0) - (before.get(key) ?? 0);

/** The event log rows written since `afterSeq` (seqs only grow: SQLite's AUTOINCREMENT). */
const rowsAfter = (afterSeq: number) => sidecar.store.readEventLog(afterSeq, 100_000);

/** A conference as the API serves it, live or from history; 404 while it is unknown. */
const viewOf = async (root: string) => sidecar.get(`/api/conferences/${root}`);

/**
 * Item by item, for a batch that mixes good and refused items: no refused item's event id reaches
 * the log, and every conference that only refused items name (no row this batch wrote is filed
 * under it) reads exactly as before the batch.
 */
async function checkRefusedItems(
  items: readonly FuzzItem[],
  logged: readonly LoggedEvent[],
  before: ReadonlyMap<string, unknown>,
): Promise<{ compared: number; existing: number }> {
  const loggedIds = new Set(logged.map((row) => row.event.eventId));
  for (const item of items)
    if (item.expect === 'reject' && item.eventId)
      expect(loggedIds.has(item.eventId), item.text.slice(0, 300)).toBe(false);
  const written = new Set(logged.map((row) => row.rootId));
  let compared = 0;
  let existing = 0;
  for (const [root, view] of before) {
    if (written.has(root)) continue;
    expect(await viewOf(root), root).toEqual(view);
    compared += 1;
    if ((view as { status: number }).status === 200) existing += 1;
  }
  return { compared, existing };
}

test('O5 O1 seeded fuzz over all ingest routes and Firehose: never a 5xx, the server stays up, refused items change nothing, good items apply', async () => {
  const knownRoots: string[] = [];
  let batch = 0;
  let itemsSent = 0;
  let rejectedSeen = 0;
  let mixedBatches = 0;
  let untouchedCompared = 0;
  let untouchedExisting = 0;
  let lastSeq = (await rowsAfter(0)).at(-1)?.seq ?? 0;
  await fc.assert(
    fc.asyncProperty(batchPlanArb, async (plan) => {
      batch += 1;
      const items = materializeBatch(plan, { batch, knownRoots });
      itemsSent += items.length;
      const stream = streamOf(plan.route);
      const roots = [...new Set(items.flatMap((i) => (i.root ? [i.root] : [])))];
      const request = encode(plan, items);
      const refusedOnly = plan.garbageBody !== undefined || items.every((i) => i.expect === 'reject');
      const mixed = !refusedOnly && items.some((i) => i.expect === 'reject');
      // O4: late facts of the last batch about archived calls reach their history record at the
      // next tick; let that happen first, so only this batch can change what is compared.
      if (refusedOnly || mixed) await sidecar.hub.lifecycle.tick();
      const before = refusedOnly ? await fingerprint(roots) : undefined;
      const refusedRoots = [
        ...new Set(items.flatMap((i) => (i.expect === 'reject' && i.root ? [i.root] : []))),
      ];
      const viewsBefore = new Map<string, unknown>();
      if (mixed) for (const root of refusedRoots) viewsBefore.set(root, await viewOf(root));
      const logSizeBefore = await sidecar.store.eventLogSize();
      const metricsBefore = await counters();

      const posted = await deliver(request);
      expect(posted.status, JSON.stringify(posted.body)).toBeLessThan(500);
      expect((await sidecar.get('/healthz')).status).toBe(200);

      const bodyRefused = plan.garbageBody !== undefined || (!request.acceptable && posted.status === 400);
      if (plan.garbageBody !== undefined) expect(posted.status).toBe(400);
      else if (!bodyRefused) expect(posted.status).toBe(plan.route.startsWith('firehose:') ? 200 : 202);

      if (!bodyRefused) {
        const metricsAfter = await counters();
        const rejected = delta(metricsAfter, metricsBefore, `${stream}|rejected`);
        const applied =
          delta(metricsAfter, metricsBefore, `${stream}|accepted`) +
          delta(metricsAfter, metricsBefore, `${stream}|duplicate`);
        expect(rejected).toBe(items.filter((i) => i.expect === 'reject').length);
        expect(rejected + applied).toBe(items.length);
        rejectedSeen += rejected;
        if (!plan.route.startsWith('firehose:')) checkOutcomes(posted.body, items);
        for (const item of items) {
          if (item.expect !== 'accept' || !item.listsRoot || !item.root) continue;
          expect((await sidecar.get(`/api/conferences/${item.root}`)).status).toBe(200);
          if (!knownRoots.includes(item.root)) knownRoots.push(item.root);
        }
      }
      if (refusedOnly) expect(await fingerprint(roots)).toEqual(before);
      const logged = await rowsAfter(lastSeq);
      lastSeq = logged.at(-1)?.seq ?? lastSeq;
      if (mixed && !bodyRefused) {
        await sidecar.hub.lifecycle.tick();
        const checked = await checkRefusedItems(items, logged, viewsBefore);
        untouchedCompared += checked.compared;
        untouchedExisting += checked.existing;
        mixedBatches += 1;
      }
      // A body refused as a whole (400) logs and counts nothing, whatever its items were.
      if (bodyRefused) {
        expect(await sidecar.store.eventLogSize()).toBe(logSizeBefore);
        expect(await counters()).toEqual(metricsBefore);
      }
    }),
    { seed: SEED, numRuns: BATCHES, endOnFailure: true },
  );
  // Several thousand items, about half of them refused, and conferences made by the good ones.
  console.log(
    `fuzz: ${batch} batches (${mixedBatches} mixed), ${itemsSent} items, ${rejectedSeen} rejected, ${knownRoots.length} conferences, ${untouchedCompared} conferences named only by refused items compared (${untouchedExisting} of them existing)`,
  );
  expect(itemsSent).toBeGreaterThan(2_500);
  expect(mixedBatches).toBeGreaterThan(50);
  expect(untouchedCompared).toBeGreaterThan(20);
  expect(untouchedExisting).toBeGreaterThan(5);
  expect(rejectedSeen).toBeGreaterThan(itemsSent / 3);
  expect(knownRoots.length).toBeGreaterThan(10);

  // Nothing in the log stops a restart, and it restores the same conferences.
  const board = (await sidecar.get('/api/conferences?include=ended')).body;
  await sidecar.stop({ keepData: true });
  const restarted = await startTestSidecar(ENV, sidecar.dataDir);
  sidecar = restarted; // afterAll stops it
  expect((await restarted.get('/api/conferences?include=ended')).body).toEqual(board);
  rmSync(restarted.dataDir, { recursive: true, force: true, maxRetries: 3 });
}, 120_000);

/** A 202 names every bad item with a reason, never a good one, and counts every item once. */
function checkOutcomes(body: any, items: readonly FuzzItem[]): void {
  const rejected = new Map<number, string>(body.rejected.map((r: any) => [r.index, r.reason]));
  items.forEach((item, index) => {
    if (item.expect === 'reject') expect(rejected.get(index), item.text.slice(0, 300)).toMatch(/\S/);
    else expect(rejected.get(index), item.text.slice(0, 300)).toBeUndefined();
  });
  expect(body.accepted + body.duplicates + body.rejected.length).toBe(items.length);
}
