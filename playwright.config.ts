import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './e2e/support/chromium';
import { WEB_URL } from './e2e/support/stack';

/**
 * The browser suite runs against the real built app and the real sidecar, which the worker fixture
 * in e2e/support/fixtures.ts starts on fixed ports (web 3310, sidecar 4310, both shifted by `E2E_PORT_OFFSET`): run `npx next build`
 * first (`npm test` does). One worker: the specs share those servers and restart the sidecar.
 *
 * Playwright drives Debian's Chromium (/usr/bin/chromium): Playwright cannot download browsers here.
 * The flags keep Chromium off the closed network and let it run as root in CI.
 */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  globalTimeout: 15 * 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: WEB_URL,
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    // Traces are kept on failure, with DOM snapshots but without the screencast: streaming frames
    // from every page costs the renderer enough CPU on a 2-core machine to blur the 1 s latency checks.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    screenshot: 'only-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
});
