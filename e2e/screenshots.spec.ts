import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { card } from './support/board';
import { createCall } from './support/call-script';
import { expect, test } from './support/fixtures';
import { newAgent } from './support/raw';
import { postCalls, writeBusyBoard } from './support/scenarios';
import { writeManySmallCalls } from './support/size-scenarios';
import { switchTheme, THEMES } from './support/theme';
import { WEB_URL } from './support/stack';
import { KPI, openWallboard, SCREENS, seedYesterday } from './support/wallboard';

/**
 * Where the pictures go: `docs/screenshots` when `npm run docs:screenshots` asks for them
 * (`DOCS_SCREENSHOTS_DIR`), else this test's output folder, so the ordinary run (`npm test`)
 * checks that every picture can be taken and leaves the committed ones alone.
 */
const outDir = (fallback: string) => process.env.DOCS_SCREENSHOTS_DIR ?? fallback;

/** A picture of the page, or of one element of it. */
async function shoot(page: Page, dir: string, name: string, element?: Locator): Promise<void> {
  // Let the durations tick once and fades settle, so the picture is of a steady board.
  await page.waitForTimeout(1_200);
  await (element ?? page).screenshot({ path: join(dir, `${name}.png`), animations: 'disabled' });
}

/** A two-party call whose customer has waited on hold for minutes: hidden by the default size filter. */
function writeHeldTwoPartyCall() {
  const call = createCall({ queue: 'Billing', phone: '+49 69 2000 4417' });
  call.start(newAgent('Nina', 'Albrecht'), { ago: 9 * 60 });
  call.setHold(call.customerId, true, { ago: 4 * 60 });
  return call;
}

test(
  '[DOCS] screenshots of the board and the detail page in both themes',
  { tag: '@screenshots' },
  async ({ page, stack }, testInfo) => {
    test.setTimeout(120_000);
    const dir = outDir(testInfo.outputPath('screenshots'));
    mkdirSync(dir, { recursive: true });
    await stack.resetSidecar();
    const calls = writeBusyBoard();
    await postCalls([...calls, writeHeldTwoPartyCall()]);
    const mortgage = calls[0]!;

    for (const theme of THEMES) {
      for (const [width, height] of [
        [1920, 1080],
        [1280, 800],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto('/');
        await switchTheme(page, theme);
        await expect(card(page, mortgage.root)).toBeVisible();
        await shoot(page, dir, `board-${width}x${height}-${theme}`);
      }
      await page.setViewportSize({ width: 1920, height: 1080 });
      await shoot(page, dir, `six-party-card-${theme}`, card(page, mortgage.root));

      await page.goto(`/conferences/${mortgage.root}`);
      await switchTheme(page, theme);
      await expect(page.getByTestId('conference-detail')).toHaveAttribute(
        'data-conference-id',
        mortgage.root,
      );
      await expect(page.getByTestId('timeline')).toBeVisible();
      await shoot(page, dir, `detail-1920x1080-${theme}`);
    }

    // The compact board on a busy morning: a dozen and more calls on one wallboard screen.
    await postCalls(writeManySmallCalls(12));
    for (const theme of THEMES) {
      await page.goto('/?density=compact');
      await switchTheme(page, theme);
      await expect(card(page, mortgage.root)).toBeVisible();
      await shoot(page, dir, `board-compact-1920x1080-${theme}`);
    }
  },
);

test(
  '[DOCS] screenshots of the sign-in page and the audit log',
  { tag: '@screenshots' },
  async ({ page, browser, request }, testInfo) => {
    test.setTimeout(120_000);
    const dir = outDir(testInfo.outputPath('screenshots'));
    mkdirSync(dir, { recursive: true });

    // The sign-in page as a person first sees it (no session).
    const visitor = await browser.newContext({ baseURL: WEB_URL, viewport: { width: 1280, height: 800 } });
    const login = await visitor.newPage();
    await login.goto('/login');
    await expect(login.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await shoot(login, dir, 'login-1280x800');

    // An afternoon's audit log: sign-ins (one failed), a refusal, a token made and revoked.
    await request.post('/api/admin/users', {
      data: { name: 'maria.keller', role: 'supervisor', password: 'maria keller password' },
    });
    for (const password of ['maria keller pasword', 'maria keller password']) {
      await login.request.post('/api/auth/login', {
        data: { username: 'maria.keller', password },
        headers: { 'x-forwarded-for': '10.20.30.41' },
      });
    }
    await login.request.get('/api/audit');
    const made = await request.post('/api/admin/tokens', {
      data: { role: 'wallboard', name: 'Hall B screen' },
    });
    await request.delete(`/api/admin/tokens/${((await made.json()) as { id: string }).id}`);
    await visitor.close();

    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const theme of THEMES) {
      await page.goto('/admin/audit');
      await switchTheme(page, theme);
      await expect(page.getByTestId('audit-table')).toContainText('Hall B screen');
      await shoot(page, dir, `admin-audit-1920x1080-${theme}`);
    }
  },
);

/** Thresholds a floor manager might set, so some tiles show their warning and critical states. */
const WALLBOARD_THRESHOLDS =
  'warn.at-cap=1&crit.at-cap=3&crit.contact-lens-conflicts=1&warn.longest-hold=60&crit.longest-hold=600&warn.live-conferences=below:3';

test(
  '[DOCS] screenshots of the wallboard at 1920×1080, 3840×2160 and 1080×1920 in both themes',
  { tag: '@screenshots' },
  async ({ page, stack }, testInfo) => {
    test.setTimeout(240_000);
    const dir = outDir(testInfo.outputPath('screenshots'));
    mkdirSync(dir, { recursive: true });
    await stack.resetSidecar();
    await seedYesterday(stack);
    await postCalls([...writeBusyBoard(), writeHeldTwoPartyCall(), ...writeManySmallCalls(14)]);
    // A few of today's conferences have ended already: history for the hourly view.
    const earlier = writeManySmallCalls(4);
    for (const call of earlier) call.end({ ago: 20 });
    await postCalls(earlier);

    for (const theme of THEMES) {
      for (const screen of SCREENS) {
        await page.setViewportSize(screen);
        const size = `${screen.width}x${screen.height}`;
        await openWallboard(page, `views=kpis&theme=${theme}&${WALLBOARD_THRESHOLDS}`);
        await expect(KPI(page, 'today-vs-yesterday')).toHaveText(/^\d+ vs \d+$/);
        await shoot(page, dir, `wallboard-kpis-${size}-${theme}`);
        await openWallboard(page, `views=grid&theme=${theme}`);
        await expect(page.locator('article[data-conference-id]').first()).toBeVisible();
        await shoot(page, dir, `wallboard-grid-${size}-${theme}`);
      }
      await page.setViewportSize(SCREENS[0]);
      await openWallboard(page, `views=hourly&theme=${theme}`);
      await expect(page.getByTestId('hourly-summary')).toContainText('so far today');
      await shoot(page, dir, `wallboard-hourly-1920x1080-${theme}`);
    }
  },
);
