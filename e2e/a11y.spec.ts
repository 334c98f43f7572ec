import { card, node, openBoardAllSizes } from './support/board';
import { createCall } from './support/call-script';
import { expect, test } from './support/fixtures';
import { postBatch } from './support/ingest';
import { newAgent } from './support/raw';

test('[A11Y] nodes have accessible names and states are not told by colour alone', async ({ page }) => {
  const anna = newAgent('Anna', 'Keller');
  const ben = newAgent('Ben', 'Ortiz');
  const call = createCall({ queue: 'Claims', phone: '+49 30 5555 0001', lens: true });
  call.start(anna, { ago: 300 });
  const benId = call.addAgent(ben, { ago: 200 });
  const supervisor = call.addSupervisor(newAgent('Sofia', 'Lindqvist'), { ago: 150 });
  const external = call.addExternal('+49 30 5555 0002', { ago: 2, answer: false });
  call.setHold(call.customerId, true, { ago: 30 });
  call.setMuted(call.customerId, true, { ago: 20 });
  call.setMuted(benId, true, { ago: 10, forced: true, reporter: benId });
  await postBatch(call.flush());

  await openBoardAllSizes(page);
  const article = card(page, call.root);
  const expectations: [string, RegExp[]][] = [
    [call.customerId, [/customer/i, /\+49 30 5555 0001/, /hold/i, /muted/i]],
    [call.primaryId, [/agent/i, /Anna Keller/, /connected/i]],
    [benId, [/agent/i, /Ben Ortiz/, /force/i]],
    [external, [/external/i, /\+49 30 5555 0002/, /dialing|dialling/i]],
    [supervisor, [/supervisor/i, /Sofia Lindqvist/]],
  ];
  for (const [id, patterns] of expectations) {
    const party = node(article, id);
    // The accessible name is what a screen reader says: role, who, state, mute.
    for (const pattern of patterns) await expect(party).toHaveAccessibleName(pattern);
  }
  // The state is also written in the node, not only coloured.
  await expect(node(article, call.customerId)).toContainText(/hold/i);
  await expect(node(article, external)).toContainText(/dial/i);

  // Alert severity is a word too, not only a colour.
  await expect(article.locator('[data-alert-kind="contact-lens-conflict"]')).toContainText(/critical/i);

  // Keyboard: Tab reaches a card; Enter opens that card's detail page.
  let focusedCard: string | null = null;
  for (let i = 0; i < 80 && !focusedCard; i++) {
    await page.keyboard.press('Tab');
    focusedCard = await page.evaluate(
      () =>
        document.activeElement?.closest('article[data-conference-id]')?.getAttribute('data-conference-id') ??
        null,
    );
  }
  expect(focusedCard, 'Tab never reached a card').not.toBeNull();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/conferences/${focusedCard}$`));
  await expect(page.getByTestId('conference-detail')).toHaveAttribute('data-conference-id', focusedCard!);
});
