import { expect, type Page } from '@playwright/test';
import type { ConferenceView } from '@/lib/conference';
import { runScript } from '@/scripts/test-helpers/run-script';
import type { Stack } from './stack';

/** The screens the wallboard must fill: 1080p and 4K landscape, and a 1080p screen on its side. */
export const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 1080, height: 1920 },
] as const;

export const KPI = (page: Page, name: string) => page.locator(`[data-kpi="${name}"]`);
export const KPI_TILE = (page: Page, name: string) => page.locator(`[data-kpi-tile="${name}"]`);

/** Opens the wallboard with these URL parameters and waits until the socket is live. */
export async function openWallboard(page: Page, query = ''): Promise<void> {
  await page.goto(`/wallboard${query ? `?${query}` : ''}`);
  await expect(page.locator('[data-wallboard]')).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', {
    timeout: 15_000,
  });
}

/**
 * A day of history ending yesterday in the stack's store, written by `npm run seed-history` (in
 * UTC, the sidecar's REPORT_TIME_ZONE), so "today against yesterday" has a yesterday to show.
 */
export async function seedYesterday(stack: Stack, perDay = 300): Promise<void> {
  const result = await runScript('seed-history', ['--days', '1', '--per-day', String(perDay), '--force'], {
    DATA_DIR: stack.dataDir(),
    DATABASE_URL: undefined,
  });
  if (result.code !== 0) throw new Error(`seed-history failed (${result.code}): ${result.stderr}`);
}

/**
 * What each figure must read for these live conferences, worked out here from the REST views
 * (independently of the page's code): counts by the engine's own fields, the longest customer hold
 * in whole seconds.
 */
export function expectedFigures(views: readonly ConferenceView[], now: number) {
  const live = views.filter((v) => v.state === 'active');
  const size = (n: number) => live.filter((v) => v.activeParticipants === n).length;
  let holdFrom: number | null = null;
  for (const v of live)
    for (const p of v.participants) {
      const open = p.holds.at(-1);
      if (p.role === 'customer' && p.state === 'hold' && open && open.to === null) {
        const from = Date.parse(open.from);
        holdFrom = holdFrom === null ? from : Math.min(holdFrom, from);
      }
    }
  return {
    'live-conferences': live.length,
    parties: live.reduce((n, v) => n + v.activeParticipants, 0),
    'size-3': size(3),
    'size-4': size(4),
    'size-5': size(5),
    'size-6': size(6),
    'at-cap': live.filter((v) => v.activeParticipants === v.cap).length,
    'contact-lens-conflicts': live.filter((v) => v.alerts.some((a) => a.kind === 'contact-lens-conflict'))
      .length,
    longestHoldSeconds: holdFrom === null ? null : Math.floor((now - holdFrom) / 1000),
  };
}

/** `4:05` or `1:02:03` as seconds. */
export const durationSeconds = (text: string): number =>
  text
    .trim()
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);

/**
 * What keeps a kiosk screen from fitting, measured in the page: a page larger than the window, any
 * element that scrolls, a figure cut in its tile, a tile or a figure outside the window, and a
 * cursor that shows.
 */
export function findKioskProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > innerWidth + 1 || doc.scrollHeight > innerHeight + 1)
      problems.push(
        `the page is ${doc.scrollWidth}×${doc.scrollHeight} in a ${innerWidth}×${innerHeight} window`,
      );
    for (const el of document.querySelectorAll('body *')) {
      const s = getComputedStyle(el);
      const scrolls = (o: string) => o === 'auto' || o === 'scroll';
      if (
        (scrolls(s.overflowY) && el.scrollHeight > el.clientHeight + 1) ||
        (scrolls(s.overflowX) && el.scrollWidth > el.clientWidth + 1)
      )
        problems.push(`<${el.tagName.toLowerCase()} class="${el.className}"> scrolls`);
    }
    const inside = (r: DOMRect) =>
      r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1;
    for (const el of document.querySelectorAll<HTMLElement>(
      '[data-kpi], [data-kpi-tile], article[data-conference-id]',
    )) {
      const name =
        el.getAttribute('data-kpi') ??
        el.getAttribute('data-kpi-tile') ??
        el.getAttribute('data-conference-id');
      if (!inside(el.getBoundingClientRect())) problems.push(`${name} is not wholly on the screen`);
      if (el.matches('[data-kpi]') && el.scrollWidth > el.clientWidth + 1)
        problems.push(`figure ${name} is cut`);
      if (el.matches('article') && el.scrollHeight > el.clientHeight + 1)
        problems.push(
          `conference ${name} is taller inside (${el.scrollHeight}) than its cell (${el.clientHeight})`,
        );
    }
    // Readable from five metres on a 55" screen: the biggest figures at least 6 % of the screen's
    // long side (115 px on 1080p: about 7 cm of type at 0.63 mm a pixel).
    const big = Math.max(innerWidth, innerHeight) * 0.06;
    for (const name of ['live-conferences', 'parties', 'at-cap', 'contact-lens-conflicts']) {
      const figure = document.querySelector(`[data-kpi="${name}"]`);
      if (!figure || figure.closest('[data-slot]:not([data-active])')) continue;
      const size = parseFloat(getComputedStyle(figure).fontSize);
      if (size < big) problems.push(`figure ${name} is ${size}px, under ${Math.round(big)}px`);
    }
    if (getComputedStyle(document.body).cursor !== 'none') problems.push('the cursor shows');
    return problems;
  });
}
