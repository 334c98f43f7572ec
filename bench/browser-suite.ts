import { CHROMIUM_LAUNCH } from '@/e2e/support/chromium';
import { accessSync, constants } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser } from 'playwright-core';
import { measureHeapMb, readHeapMb, startProbe, stopProbe } from './browser-probe';
import { createBrowserToken, ensureWebBuild, startBoardStack } from './browser-stack';
import type { LoadParams, LoadReport } from './pipeline-loader';
import type { BrowserResult } from './results';
import { percentile } from './stats';
import { BENCH_TOKEN } from './wire';

export type BrowserSuiteOptions = {
  conferences: number;
  updatesPerSec: number;
  /** Updates before anything is measured: the first ones fill React's and V8's caches, once. */
  warmupSeconds: number;
  minutes: number;
  log: (line: string) => void;
};

const CARD = 'article[data-conference-id]';
const HEAP_SAMPLE_MS = 60_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The live board in Chromium with N conferences and a steady stream of updates (each flips a
 * customer's mute, so every update changes a card). After a warm-up: frame times and long tasks
 * for the whole run, the heap after forced GC at its start and end, and a heap reading a minute.
 */
export async function runBrowserSuite(options: BrowserSuiteOptions): Promise<BrowserResult> {
  assertChromium(CHROMIUM_LAUNCH.executablePath);
  await ensureWebBuild(options.log);
  const run = 'board';
  const stack = await startBoardStack(run, options.conferences);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    // The probes are scripts the bench puts into the page: the page's Content-Security-Policy
    // (scripts only with its nonce) would refuse them.
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    // Signed in as a supervisor, the way a kiosk link does it (the token is exchanged for a cookie).
    const token = await createBrowserToken(stack.sidecarUrl, 'supervisor');
    await page.goto(`${stack.webUrl}/?size=all&token=${encodeURIComponent(token)}`);
    await page.waitForFunction(
      `document.querySelectorAll('${CARD}').length >= ${options.conferences}`,
      undefined,
      {
        timeout: 60_000,
      },
    );
    // A locator, not a predicate string: the page's CSP (no unsafe-eval) refuses evaluated strings.
    await page
      .locator(CARD)
      .nth(options.conferences - 1)
      .waitFor({ timeout: 60_000 });
    const cardsRendered = await page.locator(CARD).count();
    const cdp = await page.context().newCDPSession(page);
    const heapAtRenderMb = await measureHeapMb(cdp);

    const warmupMs = options.warmupSeconds * 1000;
    const load: LoadParams = {
      url: stack.sidecarUrl,
      token: BENCH_TOKEN,
      run,
      conferences: options.conferences,
      ratePerSec: options.updatesPerSec,
      durationMs: warmupMs + options.minutes * 60_000,
      tickMs: 50,
      measureFrom: Date.now() + warmupMs,
      toggleMute: true,
    };
    const loading = stack.loader.call<LoadReport>('load', load);
    await sleep(warmupMs);
    const heapStartMb = await measureHeapMb(cdp);
    options.log(
      `browser: ${cardsRendered} cards, heap ${heapAtRenderMb.toFixed(1)} MB at render, ${heapStartMb.toFixed(1)} MB after warm-up; measuring ${options.minutes} min`,
    );
    await startProbe(page);
    const heapSamplesMb: number[] = [];
    const sampler = setInterval(() => {
      void readHeapMb(cdp).then(
        (mb) => heapSamplesMb.push(round1(mb)),
        () => undefined,
      );
    }, HEAP_SAMPLE_MS);
    const sent = await loading.finally(() => clearInterval(sampler));
    const probe = await stopProbe(page);
    const heapEndMb = await measureHeapMb(cdp);
    if (sent.failed > 0)
      throw new Error(`${sent.failed} update posts failed (by status: ${JSON.stringify(sent.failures)})`);
    if (probe.frames.length === 0) throw new Error('the page drew no frame while updating');
    return {
      conferences: options.conferences,
      cardsRendered,
      updatesPerSec: Math.round((sent.sent * 1000) / sent.elapsedMs),
      minutes: options.minutes,
      boardP95FrameMs: round1(percentile(probe.frames, 95)),
      boardP50FrameMs: round1(percentile(probe.frames, 50)),
      frames: probe.frames.length,
      longTasks: probe.longTasks.length,
      longTaskTotalMs: Math.round(probe.longTasks.reduce((sum, d) => sum + d, 0)),
      heapAtRenderMb: round1(heapAtRenderMb),
      heapStartMb: round1(heapStartMb),
      heapEndMb: round1(heapEndMb),
      heapGrowthMb: round1(heapEndMb - heapStartMb),
      heapSamplesMb,
    };
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

/**
 * Fails at once, before any server starts, where there is no Chromium to launch: Playwright cannot
 * download one here, and a launch that fails after the stack is up used to leave it running.
 */
export function assertChromium(path: string, suite = 'browser'): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      `${suite}: no Chromium at ${path} (CHROMIUM_PATH, default /usr/bin/chromium): install Debian's chromium or set CHROMIUM_PATH`,
    );
  }
}
