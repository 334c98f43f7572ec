import { CHROMIUM_LAUNCH } from '@/e2e/support/chromium';
import { chromium, type Browser, type Page } from 'playwright-core';
import { measureHeapMb, readHeapMb, startProbe, stopProbe } from './browser-probe';
import { assertChromium } from './browser-suite';
import { ensureWebBuild, startBoardStack, type BoardStack } from './browser-stack';
import type { LoadParams, LoadReport } from './pipeline-loader';
import type { WallboardResult } from './results';
import { percentile } from './stats';
import { BENCH_TOKEN, BENCH_WALLBOARD_TOKEN } from './wire';

export type WallboardSuiteOptions = {
  conferences: number;
  updatesPerSec: number;
  rotateSeconds: number;
  /** Load before anything is measured. */
  warmupSeconds: number;
  /** Measured load, split evenly around the restarts. */
  minutes: number;
  /** Sidecar crashes (kill -9) during the run, each followed by a start on the same data. */
  restarts: number;
  /** How long the sidecar stays down each time: longer than the banner may take to show. */
  downSeconds: number;
  log: (line: string) => void;
};

/** A long task this long or longer is a visible stall on a wall screen. */
export const LONG_TASK_LIMIT_MS = 200;
const HEAP_SAMPLE_MS = 60_000;
const BANNER = '[data-testid="stale-banner"]';
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Counts the screen's view switches in the page (a MutationObserver on `data-view`). */
const COUNT_VIEWS = `(() => {
  const screen = document.querySelector('[data-wallboard]');
  const seen = { switches: 0, views: new Set([screen.getAttribute('data-view')]) };
  const observer = new MutationObserver(() => {
    seen.switches += 1;
    seen.views.add(screen.getAttribute('data-view'));
  });
  observer.observe(screen, { attributes: true, attributeFilter: ['data-view'] });
  window.__benchViews = { seen, stop: () => observer.disconnect() };
})()`;
const STOP_VIEWS = `(() => {
  const v = window.__benchViews;
  v.stop();
  return { switches: v.seen.switches, views: v.seen.views.size };
})()`;

/** Crashes the sidecar and times the stale banner: shown while it is down, gone once it is back. */
async function crashAndRecover(stack: BoardStack, page: Page, downMs: number) {
  const downAt = Date.now();
  const restarting = stack.restartSidecar(downMs);
  await page.waitForSelector(BANNER, { state: 'visible', timeout: 10_000 }).catch(() => {
    throw new Error('the stale banner did not show within 10 s of the sidecar stopping');
  });
  const shownMs = Date.now() - downAt;
  await restarting;
  const upAt = Date.now();
  await page.waitForSelector(BANNER, { state: 'detached', timeout: 30_000 }).catch(() => {
    throw new Error('the stale banner was still there 30 s after the sidecar was back');
  });
  return { shownMs, clearedMs: Date.now() - upAt };
}

/**
 * The production wallboard in Chromium, opened as a kiosk does (`?token=` with WALLBOARD_TOKEN),
 * rotating through all its views, over N conferences that change at a steady rate (each update
 * flips a customer's mute), with the sidecar crashed and restarted along the way. After a warm-up:
 * long tasks, frames, and the heap after forced GC at the start and the end (and once a minute
 * without), so growth from rotation, reconnects or updates shows.
 */
export async function runWallboardSuite(options: WallboardSuiteOptions): Promise<WallboardResult> {
  assertChromium(CHROMIUM_LAUNCH.executablePath, 'wallboard');
  await ensureWebBuild(options.log);
  const run = 'wall';
  const stack = await startBoardStack(run, options.conferences);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    // The probes are scripts the bench puts into the page: the page's Content-Security-Policy
    // (scripts only with its nonce) would refuse them.
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(
      `${stack.webUrl}/wallboard?rotate=${options.rotateSeconds}&token=${encodeURIComponent(BENCH_WALLBOARD_TOKEN)}`,
    );
    await page.waitForFunction(
      `document.querySelector('[data-kpi="live-conferences"]')?.textContent === '${options.conferences}'`,
      undefined,
      { timeout: 60_000 },
    );
    const cdp = await page.context().newCDPSession(page);
    const load = (durationMs: number): Promise<LoadReport> =>
      stack.loader.call<LoadReport>('load', {
        url: stack.sidecarUrl,
        token: BENCH_TOKEN,
        run,
        conferences: options.conferences,
        ratePerSec: options.updatesPerSec,
        durationMs,
        tickMs: 50,
        measureFrom: Date.now(),
        toggleMute: true,
      } satisfies LoadParams);

    await load(options.warmupSeconds * 1000);
    const heapStartMb = await measureHeapMb(cdp);
    options.log(
      `wallboard: ${options.conferences} conferences, heap ${heapStartMb.toFixed(1)} MB after warm-up; measuring ${options.minutes} min with ${options.restarts} sidecar restarts`,
    );
    await startProbe(page);
    await page.evaluate(COUNT_VIEWS);
    const heapSamplesMb: number[] = [];
    const sampler = setInterval(() => {
      void readHeapMb(cdp).then(
        (mb) => heapSamplesMb.push(round1(mb)),
        () => undefined,
      );
    }, HEAP_SAMPLE_MS);
    const segmentMs = (options.minutes * 60_000) / (options.restarts + 1);
    const sent = { updates: 0, ms: 0, failed: 0 };
    const banners: { shownMs: number; clearedMs: number }[] = [];
    try {
      for (let segment = 0; segment <= options.restarts; segment++) {
        const report = await load(segmentMs);
        sent.updates += report.sent;
        sent.ms += report.elapsedMs;
        sent.failed += report.failed;
        if (segment < options.restarts) {
          banners.push(await crashAndRecover(stack, page, options.downSeconds * 1000));
          options.log(
            `wallboard: restart ${segment + 1}: banner after ${banners.at(-1)!.shownMs} ms, gone ${banners.at(-1)!.clearedMs} ms after the sidecar was back`,
          );
        }
      }
    } finally {
      clearInterval(sampler);
    }
    const views = (await page.evaluate(STOP_VIEWS)) as { switches: number; views: number };
    const probe = await stopProbe(page);
    const heapEndMb = await measureHeapMb(cdp);
    if (sent.failed > 0) throw new Error(`${sent.failed} update posts failed`);
    if (pageErrors.length > 0) throw new Error(`the page threw: ${pageErrors.slice(0, 3).join(' | ')}`);
    if (views.switches === 0) throw new Error('the wallboard never switched views');
    return {
      conferences: options.conferences,
      updatesPerSec: Math.round((sent.updates * 1000) / Math.max(1, sent.ms)),
      rotateSeconds: options.rotateSeconds,
      minutes: options.minutes,
      restarts: options.restarts,
      viewSwitches: views.switches,
      viewsShown: views.views,
      longTasks: probe.longTasks.length,
      longTasksOverLimit: probe.longTasks.filter((d) => d >= LONG_TASK_LIMIT_MS).length,
      longestTaskMs: Math.round(Math.max(0, ...probe.longTasks)),
      p95FrameMs: round1(probe.frames.length > 0 ? percentile(probe.frames, 95) : 0),
      staleBannerShownMs: banners.map((b) => b.shownMs),
      staleBannerClearedMs: banners.map((b) => b.clearedMs),
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
