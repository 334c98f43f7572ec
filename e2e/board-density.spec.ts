import { cardsAboveTheFold, chooseOption, filter } from './support/board';
import { expect, test } from './support/fixtures';
import { postCalls } from './support/scenarios';
import { writeManySmallCalls } from './support/size-scenarios';

test('[BOARD] the compact board fits at least 12 conferences of 3–4 parties above the fold at 1920×1080', async ({
  page,
  stack,
}) => {
  await stack.resetSidecar();
  const calls = writeManySmallCalls(16);
  await postCalls(calls);
  await page.setViewportSize({ width: 1920, height: 1080 });

  await page.goto('/');
  const cards = page.locator('article[data-conference-id]');
  await expect(cards).toHaveCount(calls.length);
  const comfortable = await cardsAboveTheFold(page);

  // Offered in the UI, kept in the URL with the filters, and still there after a reload.
  await chooseOption(filter(page, 'Density'), 'Compact');
  await expect(page).toHaveURL(/[?&]density=compact(&|$)/);
  await expect(cards.first()).toHaveAttribute('data-density', 'compact');
  await page.reload();
  await expect(filter(page, 'Density').locator('option:checked')).toHaveText('Compact');
  await expect(cards).toHaveCount(calls.length);
  await expect(cards.first()).toHaveAttribute('data-density', 'compact');
  const compact = await cardsAboveTheFold(page);
  test.info().annotations.push({
    type: 'above the fold at 1920×1080',
    description: `comfortable ${comfortable}, compact ${compact}`,
  });
  console.log(`cards above the fold at 1920×1080: comfortable ${comfortable}, compact ${compact}`);
  expect(compact).toBeGreaterThanOrEqual(12);

  // Density is not a filter: Reset keeps it (and there is nothing to reset until a filter is set).
  await chooseOption(filter(page, 'Size'), 'All sizes');
  await page.getByRole('button', { name: 'Reset filters' }).first().click();
  await expect(filter(page, 'Size').locator('option:checked')).toHaveText('3 or more');
  await expect(filter(page, 'Density').locator('option:checked')).toHaveText('Compact');
});
