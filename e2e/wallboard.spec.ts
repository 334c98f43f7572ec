import type { APIRequestContext } from '@playwright/test';
import type { ConferenceView } from '@/lib/conference';
import { WallboardTodaySchema } from '@/lib/wallboard/today-schema';
import { createToken, signInAs } from './support/auth';
import { fetchLiveConferences } from './support/board';
import { createCall } from './support/call-script';
import { expect, test } from './support/fixtures';
import { newAgent } from './support/raw';
import { postCalls, writeBusyBoard } from './support/scenarios';
import { writeEverySize } from './support/size-scenarios';
import { SIDECAR_URL } from './support/stack';
import {
  durationSeconds,
  expectedFigures,
  findKioskProblems,
  KPI,
  KPI_TILE,
  openWallboard,
  SCREENS,
  seedYesterday,
} from './support/wallboard';

test.use({ signedInAs: 'wallboard' });

const COUNTS = [
  'live-conferences',
  'parties',
  'size-3',
  'size-4',
  'size-5',
  'size-6',
  'at-cap',
  'contact-lens-conflicts',
] as const;

/** `/api/wallboard/today` as this credential (the page's own API reads go through its cookie). */
async function fetchToday(request: APIRequestContext, query = '') {
  const answer = await request.get(`/api/wallboard/today${query}`);
  expect(answer.status()).toBe(200);
  return WallboardTodaySchema.parse(await answer.json());
}

/** Every figure on screen against the REST API's live conferences and the history route. */
async function expectFiguresMatch(
  page: import('@playwright/test').Page,
  views: readonly ConferenceView[],
  request: APIRequestContext,
  query = '',
) {
  const expected = expectedFigures(views, Date.now());
  for (const name of COUNTS) await expect(KPI(page, name)).toHaveText(String(expected[name]));
  const hold = await KPI(page, 'longest-hold').innerText();
  if (expected.longestHoldSeconds === null) expect(hold).toBe('none');
  else expect(Math.abs(durationSeconds(hold) - expected.longestHoldSeconds)).toBeLessThanOrEqual(3);
  await expect
    .poll(async () => {
      const today = await fetchToday(request, query);
      return (
        (await KPI(page, 'today-vs-yesterday').innerText()) ===
        `${today.today.soFar} vs ${today.yesterday.sameTime}`
      );
    })
    .toBe(true);
}

test('[WALLBOARD] every figure equals the API on scripted conferences, filling 1920×1080, 3840×2160 and 1080×1920 without scrollbars', async ({
  page,
  request,
  stack,
}) => {
  test.setTimeout(120_000);
  await stack.resetSidecar();
  await seedYesterday(stack);
  const { calls } = writeEverySize();
  await postCalls([...calls, ...writeBusyBoard()]);
  const views = await fetchLiveConferences(request);
  expect(views.length).toBeGreaterThanOrEqual(10);
  // Yesterday's history is there: the comparison is not 0 against 0.
  expect((await fetchToday(page.request)).yesterday.total).toBeGreaterThan(0);

  for (const screen of SCREENS) {
    await page.setViewportSize(screen);
    await openWallboard(page, 'views=kpis');
    await expectFiguresMatch(page, views, page.request);
    expect(await findKioskProblems(page), `key figures at ${screen.width}×${screen.height}`).toEqual([]);

    await openWallboard(page, 'views=grid');
    const tiles = page.locator('article[data-conference-id]');
    await expect(tiles.first()).toBeVisible();
    expect(await findKioskProblems(page), `grid at ${screen.width}×${screen.height}`).toEqual([]);
    // Critical alerts first: the first tile on the first page has one.
    await expect(tiles.first()).toHaveAttribute('data-urgency', 'critical');

    // Every view at once (stacked, one visible), as a rotating screen has them.
    await openWallboard(page, 'rotate=0');
    await expect(page.getByTestId('hourly-summary')).toContainText('so far today');
    expect(await findKioskProblems(page), `all views at ${screen.width}×${screen.height}`).toEqual([]);
  }

  // The wallboard credential was sent masked numbers, and agents show by initials.
  await page.setViewportSize(SCREENS[0]);
  await openWallboard(page, 'views=grid&page=60&size=all');
  const text = await page.locator('[data-wallboard]').innerText();
  for (const v of views)
    for (const p of v.participants)
      if (p.phoneNumber) expect(text).not.toContain(p.phoneNumber.replace(/\D/g, '').slice(4, 9));
  expect(text).toMatch(/\+\d+ \d\d [•\s]+ \d\d/);
  expect(text).not.toContain('Hoffmann');
});

test('[WALLBOARD] a scoped wallboard counts exactly what the API lists for the same scope', async ({
  browser,
  request,
  stack,
}) => {
  await stack.resetSidecar();
  const claims = createCall({ queue: 'Claims', phone: '+49 40 3001 7000' });
  claims.start(newAgent('Tom', 'Becker'), { ago: 300 });
  claims.addAgent(newAgent('Aylin', 'Demir'), { ago: 200 });
  const sales = createCall({ queue: 'Sales', phone: '+49 40 3001 7001' });
  sales.start(newAgent('Jonas', 'Weber'), { ago: 300 });
  sales.addExternal('+49 40 555 0100', { ago: 100 });
  sales.addAgent(newAgent('Mia', 'Wagner'), { ago: 50 });
  await postCalls([claims, sales, ...writeBusyBoard()]);

  // A queue of the agent events' naming: the scope matches calls of that queue by name.
  const scope = { queues: ['Claims'] };
  const context = await browser.newContext();
  await signInAs(context, 'wallboard', scope);
  const page = await context.newPage();
  await page.setViewportSize(SCREENS[0]);
  // The API as a supervisor with the same scope (a wallboard credential may not read it).
  const scoped = await fetch(`${SIDECAR_URL}/api/conferences`, {
    headers: { authorization: `Bearer ${await createToken('supervisor', scope)}` },
  });
  const views = ((await scoped.json()) as { conferences: ConferenceView[] }).conferences;
  expect(views.length).toBeGreaterThan(0);
  expect(views.length).toBeLessThan((await fetchLiveConferences(request)).length);

  await openWallboard(page, 'views=kpis');
  await expectFiguresMatch(page, views, page.request);
  await context.close();
});

test('[WALLBOARD] crossing a threshold shows its word and icon, not colour alone; the URL sets the bounds', async ({
  page,
  stack,
}) => {
  await stack.resetSidecar();
  const first = createCall({ queue: 'Billing', phone: '+49 69 2000 1000' });
  first.start(newAgent('Nina', 'Albrecht'), { ago: 120 });
  first.addAgent(newAgent('Otto', 'Brandt'), { ago: 60 });
  await postCalls([first]);

  await page.setViewportSize(SCREENS[0]);
  await openWallboard(
    page,
    'views=kpis&warn.live-conferences=2&crit.live-conferences=3&warn.parties=below:2',
  );
  const tile = KPI_TILE(page, 'live-conferences');
  await expect(KPI(page, 'live-conferences')).toHaveText('1');
  await expect(tile).toHaveAttribute('data-level', 'normal');
  await expect(tile.locator('[data-threshold]')).toHaveCount(0);

  const second = createCall({ queue: 'Billing', phone: '+49 69 2000 1001' });
  second.start(newAgent('Pia', 'Conrad'), { ago: 30 });
  await postCalls([second]);
  await expect(tile).toHaveAttribute('data-level', 'warning');
  const warning = tile.locator('[data-threshold="warning"]');
  await expect(warning).toContainText('Warning');
  await expect(warning).toContainText('≥ 2');
  await expect(warning.locator('svg')).toBeVisible();

  const third = createCall({ queue: 'Billing', phone: '+49 69 2000 1002' });
  third.start(newAgent('Rosa', 'Dietz'), { ago: 10 });
  await postCalls([third]);
  await expect(tile).toHaveAttribute('data-level', 'critical');
  await expect(tile.locator('[data-threshold="critical"]')).toContainText('Critical');
  await expect(tile.locator('[data-threshold="critical"] svg')).toBeVisible();
  // The same colour never stands alone: the other figures stay plain.
  await expect(KPI_TILE(page, 'parties')).toHaveAttribute('data-level', 'normal');

  // A bound the screen cannot use is named, not silently dropped.
  await openWallboard(page, 'views=kpis&warn.queue-length=3');
  await expect(page.getByTestId('ignored-params')).toContainText('warn.queue-length=3');
});
