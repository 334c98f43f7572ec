import type { Page } from '@playwright/test';
import { card, chooseOption, filter, searchBox } from './support/board';
import { createCall } from './support/call-script';
import { expect, test } from './support/fixtures';
import { postCalls } from './support/scenarios';
import { queueArn } from '@/server/test-helpers/raw-builders';
import { newAgent, uniqueSuffix } from './support/raw';

/** Exactly the conferences in `shown` are on the board, of the three this spec posted. */
async function expectShown(page: Page, all: string[], shown: string[]) {
  for (const id of all) await expect(card(page, id), id).toHaveCount(shown.includes(id) ? 1 : 0);
}

test('[BOARD] filters and search', async ({ page }) => {
  const tag = uniqueSuffix();
  const dora = newAgent('Dora', `Marsh${tag}`);
  const emil = newAgent('Emil', `Lund${tag}`);
  const finn = newAgent('Finn', `Kerr${tag}`);

  // Four parties in one queue, with a long customer hold (A3); three in another; two in a third.
  const loans = createCall({ queue: `Loans${tag}`, phone: '+49 30 1111 0001' });
  loans.start(dora, { ago: 600 });
  loans.addAgent(newAgent('Gus', `Hale${tag}`), { ago: 500 });
  loans.addExternal('+49 30 1111 0002', { ago: 400 });
  loans.setHold(loans.customerId, true, { ago: 120 });
  const savings = createCall({ queue: `Savings${tag}`, phone: '+49 30 2222 0001' });
  savings.start(emil, { ago: 300 });
  savings.addAgent(newAgent('Hilde', `Moor${tag}`), { ago: 200 });
  const cards = createCall({ queue: `Cards${tag}`, phone: '+49 30 3333 0001' });
  cards.start(finn, { ago: 100 });
  await postCalls([loans, savings, cards]);
  const all = [loans.root, savings.root, cards.root];

  // The default size is "3 or more": the two-party call is not on a wallboard.
  await page.goto('/');
  await expect(filter(page, 'Size').locator('option:checked')).toHaveText('3 or more');
  await expectShown(page, all, [loans.root, savings.root]);

  await chooseOption(filter(page, 'Queue'), `Loans${tag}`);
  await expectShown(page, all, [loans.root]);
  // By name: a short wallboard link.
  await expect(page).toHaveURL(new RegExp(`[?&]queue=Loans${tag}(&|$)`));
  await page.reload();
  await expect(filter(page, 'Queue').locator('option:checked')).toContainText(`Loans${tag}`);
  await expectShown(page, all, [loans.root]);
  // An older link with the queue's ARN still works, and is rewritten to the name.
  await page.goto(`/?queue=${encodeURIComponent(queueArn(`Savings${tag}`))}`);
  await expect(filter(page, 'Queue').locator('option:checked')).toContainText(`Savings${tag}`);
  await expectShown(page, all, [savings.root]);
  await expect(page).toHaveURL(new RegExp(`[?&]queue=Savings${tag}(&|$)`));

  await page.goto('/');
  await chooseOption(filter(page, 'Agent'), emil.name);
  await expectShown(page, all, [savings.root]);

  await page.goto('/');
  await chooseOption(filter(page, 'Size'), /^\s*2\b/);
  await expect(card(page, cards.root)).toHaveCount(1);
  await expectShown(page, all, [cards.root]);
  await chooseOption(filter(page, 'Size'), 'All sizes');
  await expectShown(page, all, all);

  await chooseOption(filter(page, 'Alert'), /long.*hold/i);
  await expectShown(page, all, [loans.root]);
  await page.reload();
  await expect(filter(page, 'Alert').locator('option:checked')).toHaveText(/long.*hold/i);
  await expect(filter(page, 'Size').locator('option:checked')).toHaveText('All sizes');
  await expectShown(page, all, [loans.root]);

  // Every call here is multi-party: the three-party filter leaves an empty board that says why.
  await page.goto('/');
  await chooseOption(filter(page, 'Mode'), /three/i);
  await expectShown(page, all, []);
  await expect(page.locator('article[data-conference-id]')).toHaveCount(0);
  await expect(page.getByText(/Mode:\s*Three-party/i)).toBeVisible();
  await chooseOption(filter(page, 'Mode'), /multi/i);
  await expectShown(page, all, [loans.root, savings.root]);

  // Search by a piece of a contact id, and by an agent's name; the search survives a reload too.
  await page.goto('/');
  await searchBox(page).fill(savings.root.slice(0, 13));
  await expectShown(page, all, [savings.root]);
  await searchBox(page).fill(`Dora Marsh${tag}`);
  await expectShown(page, all, [loans.root]);
  await expect(page).toHaveURL(/[?&]q=/);
  await page.reload();
  await expect(searchBox(page)).toHaveValue(`Dora Marsh${tag}`);
  await expectShown(page, all, [loans.root]);
});
