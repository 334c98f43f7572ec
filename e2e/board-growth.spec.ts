import type { Page } from '@playwright/test';
import { card, detailPanel, node, openBoardAllSizes } from './support/board';
import { createCall } from './support/call-script';
import { expect, test } from './support/fixtures';
import { postBatch, type Batch } from './support/ingest';
import { newAgent } from './support/raw';
import { expectShownBy, sights, type Scope, type Sight } from './support/shown-within';
import { ENDED_GRACE_SECONDS } from './support/stack';

const WITHIN_MS = 1_000;
const { state, muted, primary, gone, parties, alert, nobodyOnCall, text } = sights;

/** The card on the board and, once it is open, the conference's detail page. */
function scopesFor(id: string, board: Page, detail?: Page): Scope[] {
  const scopes: Scope[] = [
    { page: board, selector: `article[data-conference-id="${id}"]`, name: 'board card' },
  ];
  if (detail)
    scopes.push({ page: detail, selector: '[data-testid="conference-detail"]', name: 'detail page' });
  return scopes;
}

test('[BOARD] a call growing from 2 to 6 parties shows within one second of each ingest', async ({
  page,
  context,
}) => {
  const call = createCall({ queue: 'Mortgages', phone: '+49 30 1234 5678', lens: true });
  const open: { detail?: Page } = {};
  const latencies: number[] = [];
  /** Posts the step's raw items; every sight must hold on the card and the detail page within 1 s of the 202. */
  const step = async (batch: Batch, expected: Sight[]) => {
    const since = await postBatch(batch);
    latencies.push(
      await expectShownBy(scopesFor(call.root, page, open.detail), expected, since, since + WITHIN_MS),
    );
  };
  await openBoardAllSizes(page);

  // 2 parties: the caller and the primary agent; Contact Lens is on but not yet in conflict.
  call.start(newAgent('Anna', 'Keller'));
  await step(call.flush(), [
    parties(2),
    state(call.customerId, 'connected'),
    state(call.primaryId, 'connected'),
    primary(call.primaryId),
    alert('contact-lens-conflict', false),
  ]);
  await expect(card(page, call.root).getByTestId('contact-lens-badge')).toBeVisible();

  const detail = await context.newPage();
  open.detail = detail;
  await detail.goto(`/conferences/${call.root}`);
  await expect(node(detailPanel(detail), call.primaryId)).toHaveAttribute('data-primary', 'true');

  // 3: a second agent is dialled on a TRANSFER leg; a dial counts, so Contact Lens is now in conflict (R26).
  const ben = call.addAgent(newAgent('Ben', 'Ortiz'), { answer: false });
  await step(call.flush(), [parties(3), state(ben, 'dialing'), alert('contact-lens-conflict')]);
  call.answer(ben);
  await step(call.flush(), [state(ben, 'connected')]);

  // The customer is held (agent event CONNECTED_ONHOLD on the root) and resumed (a CCP report).
  call.setHold(call.customerId, true, { via: 'agent' });
  await step(call.flush(), [state(call.customerId, 'hold')]);
  call.setHold(call.customerId, false, { via: 'ccp' });
  await step(call.flush(), [state(call.customerId, 'connected')]);

  // 4, 5, 6: an external party (EXTERNAL_OUTBOUND), a third agent, a second external party: at the cap.
  const notary = call.addExternal('+49 30 8853 1200', { answer: false });
  await step(call.flush(), [parties(4), state(notary, 'dialing')]);
  call.answer(notary);
  await step(call.flush(), [state(notary, 'connected')]);
  const carla = call.addAgent(newAgent('Carla', 'Rossi'));
  await step(call.flush(), [parties(5), state(carla, 'connected'), alert('cap-reached', false)]);
  const broker = call.addExternal('+49 151 2345 6789');
  await step(call.flush(), [parties(6), state(broker, 'connected'), alert('cap-reached')]);

  // Mutes, as CCPs report them: the primary mutes the notary, Carla mutes herself; Ben stays unknown.
  call.setMuted(notary, true);
  await step(call.flush(), [muted(notary, 'true')]);
  call.setMuted(carla, true);
  await step(call.flush(), [muted(carla, 'true'), muted(ben, 'unknown')]);

  // A party leaves: back under the cap.
  call.leave(ben);
  await step(call.flush(), [parties(5), gone(ben), alert('cap-reached', false)]);

  // The call ends: shown as ended, then gone from the board after the grace time; the detail page stays.
  call.end();
  // (The card says "ended"; the detail page writes "ended 10:41" beside every leg that left, so
  // there the end is told by the parties and the meter.)
  await step(call.flush(), [
    text(/ended/i, 'board card'),
    parties(0),
    nobodyOnCall(),
    alert('contact-lens-conflict', false),
  ]);
  await expect(card(page, call.root)).toHaveCount(0, { timeout: (ENDED_GRACE_SECONDS + 4) * 1000 });
  await expect(detailPanel(detail)).toHaveAttribute('data-conference-id', call.root);
  await expect(node(detailPanel(detail), call.customerId)).toHaveAttribute(
    'data-participant-state',
    'disconnected',
  );
  await expect(detailPanel(detail).getByTestId('cap-meter')).toHaveAttribute('aria-label', '0 of 6 parties');
  test
    .info()
    .annotations.push({ type: 'latency', description: `slowest step: ${Math.max(...latencies)} ms` });
  console.log(`ingest → UI latencies (ms): ${latencies.join(', ')}`);
});
