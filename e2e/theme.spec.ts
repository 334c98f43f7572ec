import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { switchTheme as switchTo } from './support/theme';

const html = (page: Page) => page.locator('html');
/** The page's painted background: the body's, or the root's when the body is transparent. */
const background = (page: Page) =>
  page.evaluate(() => {
    const body = getComputedStyle(document.body).backgroundColor;
    return body === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : body;
  });

test('[THEME] light and dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await switchTo(page, 'light');
  const light = await background(page);

  await switchTo(page, 'dark');
  await expect.poll(() => background(page)).not.toBe(light);
  await page.reload();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');

  // Remembered over the OS preference, and on other pages of the app.
  await page.goto('/conferences/no-such-conference');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await switchTo(page, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => background(page)).toBe(light);
});
