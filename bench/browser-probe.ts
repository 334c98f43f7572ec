import type { CDPSession, Page } from 'playwright-core';

/**
 * What the browser suite measures inside the page: frame times from requestAnimationFrame deltas,
 * long tasks from a PerformanceObserver, and the JS heap through the DevTools protocol.
 */

export type ProbeReport = { frames: number[]; longTasks: number[] };

/*
 * The page scripts are strings, not functions: functions passed to page.evaluate are sent as their
 * source, and the TypeScript loader may add helpers to that source that do not exist in the page.
 */
const START = `(() => {
  const frames = [];
  const longTasks = [];
  let last = performance.now();
  let running = true;
  const onFrame = (now) => {
    if (!running) return;
    frames.push(now - last);
    last = now;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(onFrame); });
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  window.__benchProbe = { frames, longTasks, stop: () => { running = false; observer.disconnect(); } };
})()`;

const STOP = `(() => {
  const probe = window.__benchProbe;
  probe.stop();
  return { frames: probe.frames, longTasks: probe.longTasks };
})()`;

/** Starts recording in the page; everything before this call (the first render) is left out. */
export async function startProbe(page: Page): Promise<void> {
  await page.evaluate(START);
}

export async function stopProbe(page: Page): Promise<ProbeReport> {
  return (await page.evaluate(STOP)) as ProbeReport;
}

/** The page's JS heap in MB as it is, garbage included: cheap enough to read while frames are timed. */
export async function readHeapMb(cdp: CDPSession): Promise<number> {
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize / 1e6;
}

/** The page's live JS heap in MB, after full garbage collections so only what is kept counts. */
export async function measureHeapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return readHeapMb(cdp);
}
