import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { pictureAt } from '@/lib/reports/picture-at';
import { replayBounds } from '@/lib/reports/replay-playback';
import { addDays } from '@/lib/reports/zone-time';
import { ReplaySchema, ReportConferencePageSchema } from '@/lib/reports/report-responses';
import { expect, test } from './support/fixtures';
import { seedReportHistory } from './support/seed-reports';
import { switchTheme, THEMES } from './support/theme';

/** `docs/screenshots` under `npm run docs:screenshots`, else this test's output folder (as screenshots.spec.ts). */
const outDir = (fallback: string) => process.env.DOCS_SCREENSHOTS_DIR ?? fallback;

async function shoot(page: Page, dir: string, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(dir, `${name}.png`), animations: 'disabled', fullPage });
}

/**
 * A six-party conference of the day and a moment of it at the cap with the most parties talking
 * (adding a party holds the others for a while): a few seconds after that event.
 */
async function busiestMoment(request: APIRequestContext, days: string[]) {
  const conferences = [];
  for (const day of days) {
    const page = ReportConferencePageSchema.parse(
      await (await request.get(`/api/reports/conferences?date=${day}&tz=UTC&size=6&limit=20`)).json(),
    );
    conferences.push(...page.conferences);
    if (conferences.length >= 5) break;
  }
  let best: { id: string; seconds: number; connected: number } | null = null;
  for (const c of conferences) {
    const replay = ReplaySchema.parse(await (await request.get(`/api/conferences/${c.id}/replay`)).json());
    const bounds = replayBounds(replay.conference, replay.events);
    for (const [i, e] of replay.events.entries()) {
      const next = replay.events[i + 1]?.at ?? bounds.end;
      const at = e.at + Math.min(5_000, (next - e.at) / 2);
      const picture = pictureAt(replay.conference, at);
      const connected = picture.parties.filter((p) => p.state === 'connected').length;
      if (picture.counted === 6 && (!best || connected > best.connected))
        best = { id: c.id, seconds: (at - bounds.start) / 1000, connected };
    }
  }
  if (!best) throw new Error(`no six-party moment on ${days.join(', ')}`);
  return best;
}

test.use({ signedInAs: 'manager' });

test(
  '[DOCS] screenshots of the reports page and a replay in both themes',
  { tag: '@screenshots' },
  async ({ page, stack, request }, testInfo) => {
    test.setTimeout(180_000);
    const dir = outDir(testInfo.outputPath('screenshots'));
    mkdirSync(dir, { recursive: true });
    await stack.resetSidecar();
    // The documented pictures show a month of a busy centre; the ordinary run a small seed, quickly.
    const docs = process.env.DOCS_SCREENSHOTS_DIR !== undefined;
    const seeded = await seedReportHistory(stack, { days: docs ? 30 : 7, perDay: docs ? 400 : 120, seed: 3 });
    const days = Array.from({ length: 7 }, (_, i) => addDays(seeded.to, -i));
    const moment = await busiestMoment(request, days);

    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const theme of THEMES) {
      await page.goto(`/reports?tz=UTC`);
      await switchTheme(page, theme);
      for (const id of ['by-size', 'multi-party-share', 'top-agents'])
        await expect(page.locator(`[data-chart="${id}"]`)).toHaveAttribute('data-state', 'ready', {
          timeout: 20_000,
        });
      await shoot(page, dir, `reports-1920x1080-${theme}`);

      await page.goto(`/conferences/${moment.id}/replay?t=${moment.seconds}`);
      await switchTheme(page, theme);
      await expect(page.getByTestId('cap-meter')).toHaveAttribute('aria-label', /^6 of 6 parties$/);
      await shoot(page, dir, `replay-1920x1080-${theme}`);
    }
    // The whole page: every chart, the heat map and the top lists, with a day opened.
    await page.goto(`/reports?tz=UTC&day=${seeded.to}`);
    await switchTheme(page, 'light');
    await expect(page.getByTestId('day-conferences').locator('tr[data-conference-id]').first()).toBeVisible({
      timeout: 20_000,
    });
    for (const id of ['heatmap', 'top-queues', 'external-parties'])
      await expect(page.locator(`[data-chart="${id}"]`)).toHaveAttribute('data-state', 'ready');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, dir, 'reports-full-light', true);
  },
);
