import { createToken } from './support/auth';
import { createCall } from './support/call-script';
import { expect, test } from './support/fixtures';
import { newAgent } from './support/raw';
import { postCalls } from './support/scenarios';
import { WALLBOARD_TOKEN } from './support/stack';
import { KPI, openWallboard, SCREENS } from './support/wallboard';

const screen = (page: import('@playwright/test').Page) => page.locator('[data-wallboard]');

async function postThreePartyCall(queue: string): Promise<string> {
  const call = createCall({ queue, phone: '+49 89 4411 2200' });
  call.start(newAgent('Jonas', 'Weber'), { ago: 90 });
  call.addAgent(newAgent('Mia', 'Wagner'), { ago: 40 });
  await postCalls([call]);
  return call.root;
}

test.describe('signed in as a wallboard', () => {
  test.use({ signedInAs: 'wallboard' });

  test('[WALLBOARD] the screen rotates through the chosen views with a bar to the next switch', async ({
    page,
  }) => {
    await page.setViewportSize(SCREENS[0]);
    await openWallboard(page, 'views=kpis,grid,hourly&rotate=5');
    const rotation = page.getByTestId('rotation');
    await expect(screen(page)).toHaveAttribute('data-view', 'kpis');
    await expect(rotation.locator('[aria-current="true"]')).toHaveText('Key figures');
    await expect(page.getByTestId('rotation-progress')).toBeVisible();
    await expect(rotation).toContainText('Next: Live conferences');
    await expect(screen(page)).toHaveAttribute('data-view', 'grid', { timeout: 8_000 });
    await expect(rotation.locator('[aria-current="true"]')).toHaveText('Live conferences');
    // The grid is what shows now; the figures are still there, out of sight.
    await expect(page.locator('[data-slot="grid"]')).toBeVisible();
    await expect(page.locator('[data-slot="kpis"]')).toBeHidden();
    await expect(screen(page)).toHaveAttribute('data-view', 'hourly', { timeout: 8_000 });
    await expect(screen(page)).toHaveAttribute('data-view', 'kpis', { timeout: 8_000 });
    // Without rotation the first view stays, and there is no bar.
    await openWallboard(page, 'views=grid,kpis&rotate=0');
    await expect(page.getByTestId('rotation-progress')).toHaveCount(0);
    await page.waitForTimeout(1_500);
    await expect(screen(page)).toHaveAttribute('data-view', 'grid');
  });

  test('[WALLBOARD] a stale banner within 10 s of the sidecar stopping, over the dimmed picture; gone when it is back', async ({
    page,
    stack,
  }) => {
    test.setTimeout(90_000);
    await postThreePartyCall('Support');
    await page.setViewportSize(SCREENS[0]);
    await openWallboard(page, 'views=kpis');
    const figure = await KPI(page, 'live-conferences').innerText();
    await expect(page.getByTestId('stale-banner')).toHaveCount(0);

    await stack.killSidecar();
    const banner = page.getByTestId('stale-banner');
    await expect(banner).toBeVisible({ timeout: 10_000 });
    await expect(banner).toContainText(/Data stale since \d\d:\d\d:\d\d/);
    await expect(screen(page)).toHaveAttribute('data-stale', 'true');
    // The last picture stays, dimmed.
    await expect(KPI(page, 'live-conferences')).toHaveText(figure);
    const opacity = await page.locator('main').evaluate((m) => Number(getComputedStyle(m).opacity));
    expect(opacity).toBeLessThan(0.6);

    await stack.startSidecar();
    await expect(banner).toHaveCount(0, { timeout: 20_000 });
    await expect(screen(page)).toHaveAttribute('data-stale', 'false');
    // Data flows again: a new call shows.
    await postThreePartyCall('Support');
    await expect(KPI(page, 'live-conferences')).toHaveText(String(Number(figure) + 1), { timeout: 5_000 });
  });
});

test.describe('without a sign-in', () => {
  test.use({ signedInAs: null });

  test('[WALLBOARD] the wallboard needs its token, and the token opens nothing else', async ({
    page,
    request,
  }) => {
    // No token: the sign-in page.
    await page.goto('/wallboard?views=kpis');
    await expect(page).toHaveURL(/\/login\?next=/);
    // A wrong token: the sign-in page says so.
    await page.goto('/wallboard?token=cw_000000000000_nope');
    await expect(page).toHaveURL(/\/login\?error=token/);
    expect((await page.request.get('/api/wallboard/today')).status()).toBe(401);

    // The environment's WALLBOARD_TOKEN and a token made for the role both open it, and leave the address bar.
    for (const token of [WALLBOARD_TOKEN, await createToken('wallboard')]) {
      await page.context().clearCookies();
      await page.goto(`/wallboard?views=kpis&rotate=0&token=${encodeURIComponent(token)}`);
      await expect(page).toHaveURL(/\/wallboard\?views=kpis&rotate=0$/);
      await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
      await expect(KPI(page, 'live-conferences')).toHaveText(/^\d+$/);

      // Every other page sends it back to the wallboard.
      for (const path of ['/', '/reports', '/admin', '/conferences/some-call']) {
        await page.goto(path);
        await expect(page, path).toHaveURL(/\/wallboard$/);
      }
      // Every other API route refuses it (the sidecar's own /metrics too: see server/http/routes/wallboard.test.ts).
      for (const path of ['/api/conferences', '/api/conferences/some-call', '/api/admin/users', '/api/audit'])
        expect({ path, status: (await page.request.get(path)).status() }).toEqual({ path, status: 403 });
      const post = await page.request.post('/api/admin/tokens', {
        data: { role: 'admin' },
        headers: { origin: new URL(page.url()).origin },
      });
      expect(post.status()).toBe(403);
      expect((await page.request.get('/api/wallboard/today')).status()).toBe(200);
    }
    // The administrator's API reads are untouched by all this.
    expect((await request.get('/api/conferences')).status()).toBe(200);
  });
});
