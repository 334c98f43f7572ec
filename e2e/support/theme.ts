import { expect, type Page } from '@playwright/test';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Presses "Theme" until the page is in `theme` (the toggle may cycle through a "system" step). */
export async function switchTheme(page: Page, theme: Theme): Promise<void> {
  const html = page.locator('html');
  for (let i = 0; i < 3 && (await html.getAttribute('data-theme')) !== theme; i++) {
    await page.getByRole('button', { name: 'Theme' }).click();
  }
  await expect(html).toHaveAttribute('data-theme', theme);
}
