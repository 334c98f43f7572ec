import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import type { ReportFigures } from '@/lib/reports/daily-report';
import {
  DailyReportSchema,
  HeatmapSchema,
  ReplaySchema,
  ReportConferencePageSchema,
  TopReportSchema,
} from '@/lib/reports/report-responses';
import { signInAs } from './support/auth';
import { expect, test } from './support/fixtures';
import { seedReportHistory, type SeededHistory } from './support/seed-reports';

/** Two weeks of simulated history (the seed-history machinery), ending yesterday in UTC. */
let seeded: SeededHistory;
test.beforeAll(async ({ stack }) => {
  test.setTimeout(120_000);
  seeded = await seedReportHistory(stack, { days: 14, perDay: 60, seed: 14 });
});
test.use({ signedInAs: 'manager' });

const range = () => `from=${seeded.from}&to=${seeded.to}&tz=UTC`;

async function api<T>(request: APIRequestContext, path: string, parse: (body: unknown) => T): Promise<T> {
  const response = await request.get(path);
  if (!response.ok()) throw new Error(`GET ${path}: HTTP ${response.status()} ${await response.text()}`);
  return parse(await response.json());
}

/** Each row of a chart's table (by its key) with the raw value of each column. */
function tableValues(page: Page, id: string): Promise<Record<string, Record<string, number>>> {
  return page.getByTestId(`table-${id}`).evaluate((table) => {
    const rows: Record<string, Record<string, number>> = {};
    for (const tr of table.querySelectorAll<HTMLElement>('tr[data-row-key]')) {
      const values: Record<string, number> = {};
      for (const td of tr.querySelectorAll<HTMLElement>('td[data-column]'))
        values[td.dataset.column!] = Number(td.dataset.value);
      rows[tr.dataset.rowKey!] = values;
    }
    return rows;
  });
}

/** What each daily chart's table must list for a day (or the total), read off the API's figures. */
const EXPECTED: Record<string, (f: ReportFigures) => Record<string, number>> = {
  'by-size': (f) => ({
    size3: f.bySize['3'],
    size4: f.bySize['4'],
    size5: f.bySize['5'],
    size6: f.bySize['6'],
    conferences: f.conferences,
  }),
  'multi-party-share': (f) => ({ share: f.multiPartyShare, conferences: f.conferences, calls: f.calls }),
  'conference-minutes': (f) => ({ minutes: f.conferenceMinutes }),
  'cap-hits': (f) => ({ capHits: f.capHits }),
  'contact-lens': (f) => ({ conflicts: f.contactLensConflicts, minutes: f.contactLensConflictMinutes }),
  'consult-hold': (f) => ({ average: f.consultHold.averageSeconds, longest: f.consultHold.longestSeconds }),
  'external-parties': (f) => ({ external: f.externalPartiesAdded }),
};

async function openReports(page: Page, query: string): Promise<void> {
  await page.goto(`/reports?${query}`);
  for (const id of [...Object.keys(EXPECTED), 'heatmap', 'top-agents', 'top-queues'])
    await expect(page.locator(`[data-chart="${id}"]`), id).toHaveAttribute('data-state', 'ready', {
      timeout: 15_000,
    });
}

test('[REPORTS] every chart is drawn, and its table equals the API, day by day and in total', async ({
  page,
  request,
}) => {
  await openReports(page, range());
  const daily = await api(request, `/api/reports/daily?${range()}`, (b) => DailyReportSchema.parse(b));
  expect(daily.days).toHaveLength(14);
  expect(daily.totals.conferences).toBeGreaterThan(20);

  for (const [id, figures] of Object.entries(EXPECTED)) {
    const panel = page.locator(`[data-chart="${id}"]`);
    await expect(panel.locator('svg.recharts-surface').first(), `${id} chart`).toBeVisible();
    await panel.locator('summary').click();
    const expected = Object.fromEntries([
      ...daily.days.map((d) => [d.date, figures(d)] as const),
      ['total', figures(daily.totals)] as const,
    ]);
    expect(await tableValues(page, id), id).toEqual(expected);
  }
  // The totals in words: the API's, written for people.
  const calls = page.getByTestId('report-totals').locator('[data-figure="calls"]');
  await expect(calls).toHaveAttribute('data-value', String(daily.totals.calls));
  await expect(calls).toContainText(daily.totals.calls.toLocaleString('en-US'));

  const heat = await api(request, `/api/reports/heatmap?${range()}`, (b) => HeatmapSchema.parse(b));
  const shown = await page
    .getByTestId('table-heatmap')
    .evaluate((t) =>
      [...t.querySelectorAll<HTMLElement>('tr[data-weekday] td[data-hour]')].map((td) => [
        Number(td.closest<HTMLElement>('tr')!.dataset.weekday),
        Number(td.dataset.hour),
        Number(td.dataset.value),
      ]),
    );
  expect(shown).toEqual(heat.cells.map((c) => [c.weekday, c.hour, c.conferences]));

  for (const by of ['agents', 'queues'] as const) {
    const top = await api(request, `/api/reports/top?${range()}&by=${by}&limit=10`, (b) =>
      TopReportSchema.parse(b),
    );
    expect(top.entries.length).toBeGreaterThan(0);
    await page.locator(`[data-chart="top-${by}"] summary`).click();
    expect(await tableValues(page, `top-${by}`), by).toEqual(
      Object.fromEntries(
        top.entries.map((e) => [e.key, { conferences: e.conferences, partiesAdded: e.partiesAdded }]),
      ),
    );
  }
});

test('[REPORTS] filters live in the URL and narrow every figure', async ({ page, request }) => {
  await openReports(page, range());
  const queues = await api(request, `/api/reports/top?${range()}&by=queues&limit=100`, (b) =>
    TopReportSchema.parse(b),
  );
  const queue = queues.entries[0]!.name!;
  await page.getByRole('combobox', { name: 'Queue' }).selectOption(queue);
  await expect(page).toHaveURL(
    new RegExp(`[?&]queue=${encodeURIComponent(queue).replace(/%20/g, '(\\+|%20)')}(&|$)`),
  );
  await page.getByRole('combobox', { name: 'Mode' }).selectOption('multi-party');
  await expect(page).toHaveURL(/[?&]mode=multi-party\b/);
  const narrowed = await api(
    request,
    `/api/reports/daily?${range()}&queue=${encodeURIComponent(queue)}&mode=multi-party`,
    (b) => DailyReportSchema.parse(b),
  );
  const all = await api(request, `/api/reports/daily?${range()}`, (b) => DailyReportSchema.parse(b));
  expect(narrowed.totals.calls).toBeLessThan(all.totals.calls);
  await expect(page.getByTestId('report-totals').locator('[data-figure="conferences"]')).toHaveAttribute(
    'data-value',
    String(narrowed.totals.conferences),
  );
  // A reload shows the same report: the URL holds the whole selection.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Queue' })).toHaveValue(queue);
  await expect(page.getByTestId('report-totals').locator('[data-figure="calls"]')).toHaveAttribute(
    'data-value',
    String(narrowed.totals.calls),
  );
});

test('[REPORTS] the CSV download is the daily table of the selection', async ({ page, request }) => {
  await openReports(page, range());
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('csv-download').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`confwatch-daily-${seeded.from}-to-${seeded.to}.csv`);
  const body = readFileSync((await download.path())!, 'utf8');
  const served = await request.get(`/api/reports/daily.csv?${range()}`);
  expect(body).toBe(await served.text());
  const daily = await api(request, `/api/reports/daily?${range()}`, (b) => DailyReportSchema.parse(b));
  const lines = body.trimEnd().split('\r\n');
  expect(lines).toHaveLength(1 + daily.days.length + 1);
  expect(lines.slice(1, -1).map((l) => l.split(',').slice(0, 3).map(String))).toEqual(
    daily.days.map((d) => [d.date, String(d.calls), String(d.conferences)]),
  );
});

test('[REPORTS] a day opens its conferences, paged, and one opens to its replay', async ({
  page,
  request,
}) => {
  await openReports(page, range());
  const daily = await api(request, `/api/reports/daily?${range()}`, (b) => DailyReportSchema.parse(b));
  const busiest = [...daily.days].sort((a, b) => b.conferences - a.conferences)[0]!;
  await page.locator('[data-chart="by-size"] summary').click();
  await page.getByTestId('table-by-size').locator(`tr[data-row-key="${busiest.date}"] button`).click();
  await expect(page).toHaveURL(new RegExp(`[?&]day=${busiest.date}\\b`));

  const drill = page.getByTestId('day-conferences');
  const first = await api(request, `/api/reports/conferences?date=${busiest.date}&tz=UTC&limit=50`, (b) =>
    ReportConferencePageSchema.parse(b),
  );
  const rows = drill.locator('tr[data-conference-id]');
  await expect(rows).toHaveCount(first.conferences.length);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-conference-id')))).toEqual(
    first.conferences.map((c) => c.id),
  );
  expect(first.conferences.length).toBe(Math.min(50, busiest.conferences));
  if (first.nextCursor) {
    await drill.getByRole('button', { name: 'Show more conferences' }).click();
    await expect(rows).toHaveCount(Math.min(100, busiest.conferences));
  }
  // Narrowed to the six-party conferences, as the size in the by-size chart says.
  await drill.getByRole('combobox', { name: 'Peak size' }).selectOption('6');
  await expect(page).toHaveURL(/[?&]size=6\b/);
  await expect(rows).toHaveCount(Math.min(50, busiest.bySize['6']));

  const id = first.conferences[0]!.id;
  await page.getByRole('combobox', { name: 'Peak size' }).selectOption('');
  await drill.locator(`tr[data-conference-id="${id}"]`).getByRole('link', { name: 'Replay' }).click();
  await expect(page).toHaveURL(new RegExp(`/conferences/${id}/replay$`));
  await expect(page.getByTestId('replay-scrubber')).toBeVisible();
});

test('[REPORTS] the replay scrubber: marks, steps, keys and play follow the record', async ({
  page,
  request,
}) => {
  const day = seeded.to;
  const sixes = await api(request, `/api/reports/conferences?date=${day}&tz=UTC&size=6&limit=1`, (b) =>
    ReportConferencePageSchema.parse(b),
  );
  const big =
    sixes.conferences[0] ??
    (
      await api(request, `/api/reports/conferences?date=${day}&tz=UTC&limit=1`, (b) =>
        ReportConferencePageSchema.parse(b),
      )
    ).conferences[0]!;
  // Seeded history is redrawn from the record alone (the seed writes no picture changes).
  const replay = await api(request, `/api/conferences/${big.id}/replay`, (b) => ReplaySchema.parse(b));
  await page.goto(`/conferences/${big.id}/replay`);
  const root = page.getByTestId('replay');
  const start = Math.min(Date.parse(replay.conference.startedAt), ...replay.events.map((e) => e.at));
  await expect(root).toHaveAttribute('data-at', String(start));
  await expect(page.locator('[data-at][data-group]')).toHaveCount(replay.events.length);

  // → steps to each next event; ← back; End and Home go to either end.
  const times = [...new Set(replay.events.map((e) => e.at))].filter((t) => t > start);
  await page.keyboard.press('ArrowRight');
  await expect(root).toHaveAttribute('data-at', String(times[0]));
  await page.keyboard.press('ArrowRight');
  await expect(root).toHaveAttribute('data-at', String(times[1]));
  await page.keyboard.press('ArrowLeft');
  await expect(root).toHaveAttribute('data-at', String(times[0]));
  await page.keyboard.press('End');
  // The end: the call's end, or its last mark where one came after it (a leg's late leaving).
  const end = Math.max(Date.parse(replay.conference.endedAt!), ...replay.events.map((e) => e.at));
  await expect(root).toHaveAttribute('data-at', String(end));
  await expect(page.getByTestId('cap-meter')).toHaveAttribute(
    'aria-label',
    `0 of ${replay.conference.cap} parties`,
  );
  await page.keyboard.press('Home');
  await expect(root).toHaveAttribute('data-at', String(start));

  // The busiest moment: as many on the graph as the call's peak, the cap meter agreeing.
  await page.getByTestId('replay-scrubber').focus();
  const peakAt = await findPeak(page, replay.conference.peakParticipants, times.length);
  expect(peakAt, `a moment with ${replay.conference.peakParticipants} counted parties`).not.toBeNull();

  // Space plays at 16×: the moment moves on by itself; space again pauses.
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: '16×' }).click();
  await page.getByTestId('replay-scrubber').focus();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('replay-play')).toHaveAttribute('data-playing', 'true');
  await expect.poll(async () => Number(await root.getAttribute('data-at'))).toBeGreaterThan(start + 10_000);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('replay-play')).toHaveAttribute('data-playing', 'false');
});

/** Steps event by event until the cap meter shows `peak` counted parties; the moment, or null. */
async function findPeak(page: Page, peak: number, steps: number): Promise<string | null> {
  const meter = page.getByTestId('cap-meter');
  for (let i = 0; i < steps; i++) {
    const label = await meter.getAttribute('aria-label');
    if (label?.startsWith(`${peak} of`)) return page.getByTestId('replay').getAttribute('data-at');
    await page.keyboard.press('ArrowRight');
  }
  return null;
}

test('[REPORTS] loading, empty and refused: each says so in words', async ({ page }) => {
  // Held back for a moment: the page says it is loading.
  await page.route('**/api/reports/daily?*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto(`/reports?${range()}`);
  await expect(page.getByTestId('report-loading')).toBeVisible();
  await expect(page.locator('[data-chart="by-size"]')).toHaveAttribute('data-state', 'loading');
  await expect(page.locator('[data-chart="by-size"]')).toHaveAttribute('data-state', 'ready', {
    timeout: 10_000,
  });
  await page.unroute('**/api/reports/daily?*');

  await page.goto('/reports?from=2020-01-01&to=2020-01-07&tz=UTC');
  await expect(page.getByTestId('report-empty')).toContainText('No ended calls in this range');
  await expect(page.locator('[data-chart="by-size"]')).toHaveAttribute('data-state', 'empty');

  await page.goto('/reports?tz=Mars/Olympus_Mons');
  await expect(page.getByTestId('report-error')).toContainText('tz is not a known time zone');
  await expect(page.locator('[data-chart="by-size"]')).toHaveAttribute('data-state', 'error');
});

test.describe('the header', () => {
  test.use({ signedInAs: 'supervisor' });
  test('[REPORTS] Reports is linked for managers, not for supervisors', async ({ page, browser }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
    const manager = await browser.newContext();
    try {
      await signInAs(manager, 'manager');
      const managerPage = await manager.newPage();
      await managerPage.goto('/');
      await managerPage
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link', { name: 'Reports' })
        .click();
      await expect(managerPage).toHaveURL(/\/reports$/);
      await expect(managerPage.getByRole('link', { name: 'Reports' })).toHaveAttribute(
        'aria-current',
        'page',
      );
    } finally {
      await manager.close();
    }
  });
});
