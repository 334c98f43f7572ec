import { expect, test } from '@playwright/test';

test('[BOARD] the page says what confwatch is', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'confwatch' })).toBeVisible();
});
