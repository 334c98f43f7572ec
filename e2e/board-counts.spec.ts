import { card, chooseOption, fetchLiveConferences, filter } from './support/board';
import { createCall } from './support/call-script';
import { expect, test } from './support/fixtures';
import { newAgent } from './support/raw';
import { postCalls } from './support/scenarios';
import { writeManySmallCalls } from './support/size-scenarios';

test('[BOARD] summary, filter line and empty state count live calls alike; hidden calls are said and can be shown', async ({
  page,
  request,
  stack,
}) => {
  await stack.resetSidecar();
  const small = writeManySmallCalls(3);
  // A two-party call whose customer has waited on hold for two minutes (A3): hidden by "3 or more".
  const held = createCall({ queue: 'Billing', phone: '+49 69 2000 4417' });
  held.start(newAgent('Nina', 'Albrecht'), { ago: 400 });
  held.setHold(held.customerId, true, { ago: 120 });
  const ending = createCall({ queue: 'Support', phone: '+49 69 2000 4418' });
  ending.start(newAgent('Otto', 'Brandt'), { ago: 300 });
  ending.addAgent(newAgent('Pia', 'Conrad'), { ago: 200 });
  await postCalls([...small, held, ending]);

  await page.goto('/');
  const strip = page.getByTestId('summary-strip');
  const line = page.getByTestId('shown-count');
  const live = await fetchLiveConferences(request);
  expect(live).toHaveLength(5);
  await expect(strip.getByTestId('summary-live')).toContainText('5');
  await expect(line).toHaveText('4 of 5 live shown');

  // The alert and the longest-hold tile are about a call that is not on the board: they say so.
  const panel = page.getByTestId('alerts-panel');
  await expect(panel.getByTestId('alerts-hidden')).toContainText('1 on a hidden call');
  await expect(panel.locator(`[data-alert-row][data-conference-id="${held.root}"]`)).toHaveAttribute(
    'data-hidden-call',
    'true',
  );
  const hold = strip.getByTestId('summary-longest-hold');
  await expect(hold.getByTestId('hidden-note')).toContainText('on a hidden call');

  // A call ends: its card stays for the grace time, marked ended, and is counted apart.
  ending.end();
  await postCalls([ending]);
  await expect(card(page, ending.root)).toHaveAttribute('data-state', 'ended', { timeout: 4_000 });
  await expect(line).toHaveText('3 of 4 live shown · 1 just ended', { timeout: 4_000 });
  await expect(strip.getByTestId('summary-live')).toContainText('4');
  expect(await fetchLiveConferences(request)).toHaveLength(4);

  // Show: just the size filter goes, and the held call is on the board.
  await hold.getByRole('button', { name: /^Show/ }).click();
  await expect(filter(page, 'Size').locator('option:checked')).toHaveText('All sizes');
  await expect(card(page, held.root)).toBeVisible();
  await expect(panel.getByTestId('alerts-hidden')).toHaveCount(0);
  await expect(hold.getByTestId('hidden-note')).toHaveCount(0);

  // Nothing shown: the empty state counts the live calls as the summary does.
  await chooseOption(filter(page, 'Mode'), /three/i);
  const empty = page.getByTestId('empty-board');
  await expect(empty).toContainText(/\b4 live conferences are hidden\b/);
  await expect(strip.getByTestId('summary-live')).toContainText('4');
});
