import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '@/e2e/support/chromium';
import { median } from './stats';

/** The panels the /reports page draws; each says `data-state="ready"` once its chart is drawn. */
const PANELS = [
  'by-size',
  'multi-party-share',
  'conference-minutes',
  'cap-hits',
  'contact-lens',
  'consult-hold',
  'external-parties',
  'heatmap',
  'top-agents',
  'top-queues',
];

/** In the page: every panel ready, each chart drawn (an SVG surface, or the heat map's table). */
function chartsShown(panels: string[]): number | false {
  const all = panels.every((id) => {
    const panel = document.querySelector(`[data-chart="${id}"]`);
    return (
      panel?.getAttribute('data-state') === 'ready' &&
      panel.querySelector('svg.recharts-surface, [data-testid="table-heatmap"]') !== null
    );
  });
  return all ? performance.now() : false;
}

function replayShown(_: string[]): number | false {
  const drawn =
    document.querySelectorAll('[data-testid="replay"] [data-participant-id][data-participant-role]').length >
      0 && document.querySelector('[data-testid="replay-scrubber"]') !== null;
  return drawn ? performance.now() : false;
}

/** Milliseconds from the start of navigation to `shown(arg)` holding, for a fresh load of `url`. */
async function timeLoad(
  page: Page,
  url: string,
  shown: (panels: string[]) => number | false,
  arg: string[],
): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(shown, arg, { polling: 'raf', timeout: 60_000 });
  return Number(await handle.jsonValue());
}

export type PageTimings = { chartsMs: number; replayMs: number; runs: number };

/**
 * The /reports page of the whole range and a replay, each loaded `runs` times in Chromium (after
 * one load not counted, which warms the web server): the median time until every chart is drawn,
 * and until the replay's graph and scrubber are.
 */
export async function timePages(o: {
  webUrl: string;
  token: string;
  reportsPath: string;
  replayPath: string;
  runs: number;
}): Promise<PageTimings> {
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const signIn = await context.request.get(
      `${o.webUrl}/api/auth/token?token=${encodeURIComponent(o.token)}&next=/api/auth/session`,
    );
    if (!signIn.ok()) throw new Error(`signing the bench browser in: HTTP ${signIn.status()}`);
    const page = await context.newPage();
    const charts: number[] = [];
    const replay: number[] = [];
    for (let i = 0; i <= o.runs; i++) {
      const c = await timeLoad(page, `${o.webUrl}${o.reportsPath}`, chartsShown, PANELS);
      const r = await timeLoad(page, `${o.webUrl}${o.replayPath}`, replayShown, []);
      if (i > 0) {
        charts.push(c);
        replay.push(r);
      }
    }
    return { chartsMs: Math.round(median(charts)), replayMs: Math.round(median(replay)), runs: o.runs };
  } finally {
    await browser?.close();
  }
}
