import { card, nodes } from './support/board';
import { expect, test } from './support/fixtures';
import { findLayoutProblems, renderEveryCard } from './support/layout-probe';
import { postCalls } from './support/scenarios';
import { writeEverySize } from './support/size-scenarios';
import { switchTheme, THEMES } from './support/theme';

const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 3840, height: 2160 },
] as const;
const DENSITIES = ['comfortable', 'compact'] as const;

test('[BOARD] cards of every size read cleanly at 1920×1080, 1280×800 and 3840×2160, light and dark', async ({
  page,
  stack,
}, testInfo) => {
  test.setTimeout(180_000);
  await stack.resetSidecar();
  const { calls, six } = writeEverySize();
  await postCalls(calls);
  const cards = page.locator('article[data-conference-id]');
  const sixCard = card(page, six.root);

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}×${viewport.height}`;
    await page.setViewportSize(viewport);
    for (const density of DENSITIES) {
      await page.goto(`/?size=all${density === 'compact' ? '&density=compact' : ''}`);
      await renderEveryCard(page);
      await expect(cards).toHaveCount(calls.length);
      // Six counted parties and the supervisor, each a node of its own.
      await expect(nodes(sixCard)).toHaveCount(7);
      for (const theme of THEMES) {
        await switchTheme(page, theme);
        expect(await findLayoutProblems(cards), `${size} ${density} ${theme}`).toEqual([]);
        if (density === 'comfortable') {
          const path = testInfo.outputPath(`six-party-${viewport.width}x${viewport.height}-${theme}.png`);
          await sixCard.screenshot({ path, animations: 'disabled' });
          await testInfo.attach(`six-party card ${size} ${theme}`, { path, contentType: 'image/png' });
        }
      }
      if (density === 'comfortable') {
        // Five or six parties: a wide card, its parties in one row under the customer.
        await expect(sixCard).toHaveAttribute('data-big', 'true');
        const wide = (await sixCard.boundingBox())!;
        const narrow = (await card(page, calls[1]!.root).boundingBox())!;
        expect(wide.width, `wide card at ${size}`).toBeGreaterThan(1.8 * narrow.width);
        const tops = await sixCard
          .locator('ul[aria-label="On the call"] > li')
          .evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
        expect(new Set(tops).size, `one row of parties at ${size}`).toBe(1);
      }
    }
  }
});
