import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { ConferenceView } from '@/lib/conference';

/**
 * The UI's selector contract (docs/briefs/ui.md) in one place, so a change to it is a change here.
 */

export const card = (page: Page, id: string): Locator => page.locator(`article[data-conference-id="${id}"]`);

/** A graph node (other markup, such as the audio matrix, may name a party by id too). */
export const node = (scope: Locator, participantId: string): Locator =>
  scope.locator(`[data-participant-id="${participantId}"][data-participant-role]`);

/** Every graph node in `scope`. */
export const nodes = (scope: Locator): Locator =>
  scope.locator('[data-participant-id][data-participant-role]');

export const detailPanel = (page: Page): Locator => page.getByTestId('conference-detail');

/** A filter select, by its accessible name (its label). */
export const filter = (
  page: Page,
  label: 'Queue' | 'Agent' | 'Size' | 'Alert' | 'Mode' | 'Density',
): Locator => page.getByRole('combobox', { name: label, exact: true });

export const searchBox = (page: Page): Locator => page.getByLabel('Search contact id or agent');

export const connectionStatus = (page: Page): Locator => page.getByTestId('connection-status');

/**
 * Picks the option of a select whose label contains `text` (labels may add counts or icons),
 * waiting for it: the Queue and Agent options come with the first board snapshot.
 */
export async function chooseOption(control: Locator, text: string | RegExp): Promise<void> {
  const matches = (label: string) => (typeof text === 'string' ? label.includes(text) : text.test(label));
  let labels: string[] = [];
  await expect
    .poll(
      async () => {
        labels = await control.locator('option').allTextContents();
        return labels.some(matches);
      },
      { message: `an option matching ${String(text)}` },
    )
    .toBe(true);
  await control.selectOption({ index: labels.findIndex(matches) });
}

/** Opens the board and sets Size to "All sizes" (the default hides two-party calls). */
export async function openBoardAllSizes(page: Page): Promise<void> {
  await page.goto('/');
  // Pages render per request (their scripts carry the CSP nonce): wait until the board is live in
  // the browser, or a choice made before hydration would be reset by it.
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', {
    timeout: 15_000,
  });
  await filter(page, 'Size').selectOption({ label: 'All sizes' });
  await expect(page).toHaveURL(/[?&]size=all\b/);
}

/** The cards that are wholly inside the viewport (the page is not scrolled): what is above the fold. */
export async function cardsAboveTheFold(page: Page): Promise<number> {
  const height = page.viewportSize()?.height ?? 0;
  const boxes = await page
    .locator('article[data-conference-id]')
    .evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
  return boxes.filter((b) => b.top >= 0 && b.bottom <= height && b.height > 0).length;
}

/** Every live (not ended) conference, as the REST API serves it. */
export async function fetchLiveConferences(request: APIRequestContext): Promise<ConferenceView[]> {
  const response = await request.get('/api/conferences');
  if (!response.ok()) throw new Error(`GET /api/conferences: HTTP ${response.status()}`);
  return ((await response.json()) as { conferences: ConferenceView[] }).conferences;
}

/** One conference as the REST API serves it (live, else its history record). */
export async function fetchConference(request: APIRequestContext, id: string): Promise<ConferenceView> {
  const response = await request.get(`/api/conferences/${id}`);
  if (!response.ok()) throw new Error(`GET /api/conferences/${id}: HTTP ${response.status()}`);
  return (await response.json()) as ConferenceView;
}

/**
 * A time budget that starts now: `remaining()` is what is left of it, for `timeout` options, so
 * several assertions after one ingest share the same "within N ms of the 202".
 */
export function budgetFrom(startedAt: number, ms: number): { remaining(): number } {
  return { remaining: () => Math.max(1, startedAt + ms - Date.now()) };
}
