import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { card } from './support/board';
import { expect, test } from './support/fixtures';
import { postCalls, writeBusyBoard } from './support/scenarios';

const OUT = 'docs/screenshots';
const THEMES = ['light', 'dark'] as const;

async function useTheme(page: Page, theme: (typeof THEMES)[number]) {
  for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-theme')) !== theme; i++) {
    await page.getByRole('button', { name: 'Theme' }).click();
  }
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

async function shoot(page: Page, name: string) {
  // Let the durations tick once and fades settle, so the picture is of a steady board.
  await page.waitForTimeout(1_200);
  await page.screenshot({ path: `${OUT}/${name}.png`, animations: 'disabled' });
}

test(
  '[DOCS] screenshots of the board and the detail page in both themes',
  { tag: '@screenshots' },
  async ({ page, stack }) => {
    mkdirSync(OUT, { recursive: true });
    await stack.resetSidecar();
    const calls = writeBusyBoard();
    await postCalls(calls);
    const mortgage = calls[0]!;

    for (const theme of THEMES) {
      for (const [width, height] of [
        [1920, 1080],
        [1280, 800],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto('/');
        await useTheme(page, theme);
        await expect(card(page, mortgage.root)).toBeVisible();
        await shoot(page, `board-${width}x${height}-${theme}`);
      }
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`/conferences/${mortgage.root}`);
      await useTheme(page, theme);
      await expect(page.getByTestId('conference-detail')).toHaveAttribute(
        'data-conference-id',
        mortgage.root,
      );
      await expect(page.getByTestId('timeline')).toBeVisible();
      await shoot(page, `detail-1920x1080-${theme}`);
    }
  },
);
