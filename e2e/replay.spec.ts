import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { ReplaySchema, type Replay } from '@/lib/reports/report-responses';
import { replayBounds } from '@/lib/reports/replay-playback';
import { detailPanel } from './support/board';
import { createCall, type CallScript } from './support/call-script';
import { expect, test } from './support/fixtures';
import { postBatch } from './support/ingest';
import { newAgent } from './support/raw';

/** What a page shows of a call at a moment: each party's state and mute, the cap meter, the alerts. */
type Shown = { parties: Record<string, string>; cap: string | null; alerts: string[] };

async function readShown(scope: Locator, alerts: Locator): Promise<Shown> {
  const parties = await scope
    .locator('[data-participant-id][data-participant-role]')
    .evaluateAll((nodes) =>
      Object.fromEntries(
        nodes.map((n) => [
          n.getAttribute('data-participant-id'),
          `${n.getAttribute('data-participant-state')} · muted ${n.getAttribute('data-muted')}`,
        ]),
      ),
    );
  const cap = await scope.getByTestId('cap-meter').first().getAttribute('aria-label');
  const kinds = await alerts
    .locator('[data-alert-kind]')
    .evaluateAll((badges) => badges.map((b) => b.getAttribute('data-alert-kind') ?? '').sort());
  return { parties, cap, alerts: kinds };
}

/** A party's state (and mute, where the step changes it) that a step must have reached. */
type Expected = [id: string, state: string, muted?: string];

/**
 * One step of the call: its raw items posted through the real sidecar, then, once the live detail
 * page shows every change of the step, what it shows and the moment it was read (the sidecar's
 * clock is the wall's).
 */
async function step(page: Page, call: CallScript, expected: Expected[]) {
  await postBatch(call.flush());
  const detail = detailPanel(page);
  for (const [id, state, muted] of expected) {
    const node = detail.locator(`[data-participant-id="${id}"][data-participant-role]`);
    await expect(node).toHaveAttribute('data-participant-state', state);
    if (muted) await expect(node).toHaveAttribute('data-muted', muted);
  }
  const shown = await readShown(detail, detail.locator('header[data-state]'));
  return { at: Date.now(), shown };
}

async function replayOf(request: APIRequestContext, id: string): Promise<Replay> {
  const response = await request.get(`/api/conferences/${id}/replay`);
  expect(response.status()).toBe(200);
  return ReplaySchema.parse(await response.json());
}

test('[REPLAY] a scripted call, replayed at chosen moments, shows what the live detail page showed', async ({
  page,
  request,
}) => {
  const anna = newAgent('Anna', 'Keller');
  const ben = newAgent('Ben', 'Ortiz');
  const sara = newAgent('Sara', 'Lind');
  const call = createCall({ queue: 'Mortgages', phone: '+49 30 5555 0101', lens: true });
  const moments: { at: number; shown: Shown }[] = [];

  // 1. Anna answers the caller.
  call.start(anna);
  await postBatch(call.flush());
  await page.goto(`/conferences/${call.root}`);
  moments.push(
    await step(page, call, [
      [call.customerId, 'connected'],
      [call.primaryId, 'connected'],
    ]),
  );

  // 2. Anna holds the caller and dials Ben (a consult: Ben is still ringing, yet counted: A2 with
  //    Contact Lens on).
  call.setHold(call.customerId, true);
  const benId = call.addAgent(ben, { answer: false });
  moments.push(
    await step(page, call, [
      [call.customerId, 'hold'],
      [benId, 'dialing'],
    ]),
  );

  // 3. Ben answers; the caller is taken off hold: three on the call.
  call.answer(benId);
  call.setHold(call.customerId, false);
  moments.push(
    await step(page, call, [
      [benId, 'connected'],
      [call.customerId, 'connected'],
    ]),
  );

  // 4. A notary joins from outside; Anna's CCP reports the caller muted.
  const notary = call.addExternal('+49 30 5555 0102');
  call.setMuted(call.customerId, true);
  moments.push(
    await step(page, call, [
      [notary, 'connected'],
      [call.customerId, 'connected', 'true'],
    ]),
  );

  // 5. Sara listens in (not counted); Ben leaves; the caller is unmuted.
  const saraId = call.addSupervisor(sara);
  call.leave(benId);
  call.setMuted(call.customerId, false);
  moments.push(
    await step(page, call, [
      [saraId, 'connected'],
      [benId, 'disconnected'],
      [call.customerId, 'connected', 'false'],
    ]),
  );

  // While live, there is nothing to replay; once ended, the detail page links to the replay.
  await expect(page.getByTestId('replay-link')).toHaveCount(0);
  // The call ends and reaches history (after the stack's grace time).
  call.leave(notary);
  call.end();
  await postBatch(call.flush());
  await expect
    .poll(async () => (await replayOf(request, call.root)).onBoard, { timeout: 20_000 })
    .toBe(false);
  const replay = await replayOf(request, call.root);
  expect(replay.pictureChanges?.length).toBeGreaterThan(0);
  const bounds = replayBounds(replay.conference, replay.events);

  // Every moment looked different live: the steps each changed what the page showed.
  expect(new Set(moments.map((m) => JSON.stringify(m.shown))).size).toBe(moments.length);
  expect(moments[1]!.shown.alerts).toContain('contact-lens-conflict');
  expect(moments[3]!.shown.parties[call.customerId]).toBe('connected · muted true');

  await page.getByTestId('replay-link').click();
  await expect(page).toHaveURL(new RegExp(`/conferences/${call.root}/replay$`));
  const root = page.getByTestId('replay');
  const scrubber = page.getByTestId('replay-scrubber');
  for (const [i, moment] of moments.entries()) {
    await scrubber.fill(String(moment.at - bounds.start));
    await expect(root).toHaveAttribute('data-at', String(moment.at));
    const graph = root.locator('section[aria-labelledby="replay-parties"]');
    expect(await readShown(graph, page.getByTestId('replay-alerts')), `moment ${i + 1}`).toEqual(
      moment.shown,
    );
  }
});
