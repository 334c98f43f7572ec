import { card, node, openBoardAllSizes } from './support/board';
import { createCall } from './support/call-script';
import { expect, test } from './support/fixtures';
import { postBatch } from './support/ingest';
import { newAgent } from './support/raw';

test('[A11Y] nodes have accessible names and states are not told by colour alone', async ({ page }) => {
  const anna = newAgent('Anna', 'Keller');
  const ben = newAgent('Ben', 'Ortiz');
  const call = createCall({ queue: 'Claims', phone: '+49 30 5555 0001', lens: true });
  call.start(anna, { ago: 300 });
  const benId = call.addAgent(ben, { ago: 200 });
  const supervisor = call.addSupervisor(newAgent('Sofia', 'Lindqvist'), { ago: 150 });
  const external = call.addExternal('+49 30 5555 0002', { ago: 2, answer: false });
  call.setHold(call.customerId, true, { ago: 30 });
  call.setMuted(call.customerId, true, { ago: 20 });
  call.setMuted(benId, true, { ago: 10, forced: true, reporter: benId });
  await postBatch(call.flush());

  await openBoardAllSizes(page);
  const article = card(page, call.root);
  const expectations: [string, RegExp[]][] = [
    [call.customerId, [/customer/i, /\+49 30 5555 0001/, /hold/i, /muted/i]],
    [call.primaryId, [/agent/i, /Anna Keller/, /connected/i]],
    [benId, [/agent/i, /Ben Ortiz/, /force/i]],
    [external, [/external/i, /\+49 30 5555 0002/, /dialing|dialling/i]],
    [supervisor, [/supervisor/i, /Sofia Lindqvist/]],
  ];
  for (const [id, patterns] of expectations) {
    const party = node(article, id);
    // The accessible name is what a screen reader says: role, who, state, mute.
    for (const pattern of patterns) await expect(party).toHaveAccessibleName(pattern);
  }
  // The state is also written in the node, not only coloured.
  await expect(node(article, call.customerId)).toContainText(/hold/i);
  await expect(node(article, external)).toContainText(/dial/i);

  // Alert severity is a word too, not only a colour.
  await expect(article.locator('[data-alert-kind="contact-lens-conflict"]')).toContainText(/critical/i);

  // Keyboard: Tab reaches a card; Enter opens that card's detail page.
  let focusedCard: string | null = null;
  for (let i = 0; i < 80 && !focusedCard; i++) {
    await page.keyboard.press('Tab');
    focusedCard = await page.evaluate(
      () =>
        document.activeElement?.closest('article[data-conference-id]')?.getAttribute('data-conference-id') ??
        null,
    );
  }
  expect(focusedCard, 'Tab never reached a card').not.toBeNull();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/conferences/${focusedCard}$`));
  await expect(page.getByTestId('conference-detail')).toHaveAttribute('data-conference-id', focusedCard!);
});

type Stop = {
  tag: string;
  name: string;
  inCard: boolean;
  top: number;
  bottom: number;
  left: number;
  right: number;
};

test('[A11Y] the tab order follows the reading order, and no picture is a tab stop', async ({ page }) => {
  const call = createCall({ queue: 'Claims', phone: '+49 30 5555 0101' });
  call.start(newAgent('Carl', 'Hansen'), { ago: 120 });
  call.addAgent(newAgent('Dora', 'Iversen'), { ago: 60 });
  await postBatch(call.flush());
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await expect(card(page, call.root)).toBeVisible();

  const stops: Stop[] = [];
  for (let i = 0; i < 40 && !stops.at(-1)?.inCard; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement ?? document.body;
        const r = el.getBoundingClientRect();
        return {
          tag: el.tagName.toLowerCase(),
          name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
          inCard: el.closest('article[data-conference-id]') !== null,
          top: r.top + scrollY,
          bottom: r.bottom + scrollY,
          left: r.left,
          right: r.right,
        };
      }),
    );
  }
  expect(stops.at(-1)?.inCard, 'Tab reaches a card').toBe(true);
  expect(stops.map((s) => s.tag)).not.toContain('svg');
  expect(
    stops.every((s) => ['a', 'button', 'select', 'input'].includes(s.tag)),
    JSON.stringify(stops),
  ).toBe(true);
  expect(stops[0]?.name).toMatch(/confwatch/);
  // Then the header's page links (an administrator may open the board and the reports), the theme.
  expect(stops.slice(1, 4).map((s) => s.name)).toEqual([
    'Live board',
    'Reports',
    expect.stringMatching(/^Theme/),
  ]);
  // Reading order: each stop is below the one before, or to its right on the same line.
  for (let i = 1; i < stops.length; i++) {
    const [a, b] = [stops[i - 1]!, stops[i]!];
    const below = b.top >= a.bottom - 2;
    const right = b.left >= a.right - 2 && b.top < a.bottom;
    expect(below || right, `"${a.name}" then "${b.name}"`).toBe(true);
  }
});
