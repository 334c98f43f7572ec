import type { ConferenceView } from '@/lib/conference';
import { card, fetchLiveConferences, node, nodes, openBoardAllSizes } from './support/board';
import { expect, test } from './support/fixtures';
import { postCalls, writeBusyBoard } from './support/scenarios';

/** How many shown nodes a card should have per `role|state`: parties that left a while ago are hidden. */
function expectedNodes(view: ConferenceView): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of view.participants) {
    if (p.state === 'disconnected') continue;
    const key = `${p.role}|${p.state}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The value of a summary item: its last number (a size item's label names its size first). */
const summaryNumber = (text: string) => Number(text.match(/\d+/g)?.at(-1));

test('[BOARD] cards and counts match /api/conferences', async ({ page, request, stack }) => {
  await stack.resetSidecar();
  await postCalls(writeBusyBoard());
  const live = await fetchLiveConferences(request);
  expect(live).toHaveLength(6);

  await openBoardAllSizes(page);
  for (const view of live) {
    const article = card(page, view.id);
    await article.scrollIntoViewIfNeeded();
    await expect(article, `card ${view.id}`).toBeVisible();
    const meter = article.getByTestId('cap-meter');
    await expect(meter).toHaveText(new RegExp(`\\b${view.activeParticipants}/${view.cap}\\b`));
    await expect(meter).toHaveAttribute('aria-label', `${view.activeParticipants} of ${view.cap} parties`);

    const shown = nodes(article);
    const expected = expectedNodes(view);
    await expect(shown).toHaveCount([...expected.values()].reduce((a, b) => a + b, 0));
    for (const [key, count] of expected) {
      const [role, state] = key.split('|');
      await expect(
        article.locator(`[data-participant-role="${role}"][data-participant-state="${state}"]`),
        `${key} on ${view.id}`,
      ).toHaveCount(count);
    }
    const primary = view.participants.find((p) => p.primary && p.state !== 'disconnected');
    if (primary) await expect(node(article, primary.id)).toHaveAttribute('data-primary', 'true');

    for (const alert of view.alerts) {
      await expect(article.locator(`[data-alert-kind="${alert.kind}"]`)).toHaveAttribute(
        'data-severity',
        alert.severity,
      );
    }
    await expect(article.locator('[data-alert-kind]')).toHaveCount(view.alerts.length);
    await expect(article.getByTestId('contact-lens-badge')).toHaveCount(view.contactLens ? 1 : 0);
  }

  const strip = page.getByTestId('summary-strip');
  const sizes = (n: number) => live.filter((c) => c.activeParticipants === n).length;
  const expected: Record<string, number> = {
    'summary-live': live.length,
    'summary-parties': live.reduce((sum, c) => sum + c.activeParticipants, 0),
    'summary-size-2': sizes(2),
    'summary-size-3': sizes(3),
    'summary-size-4': sizes(4),
    'summary-size-5': sizes(5),
    'summary-size-6': sizes(6),
    'summary-at-cap': live.filter((c) => c.activeParticipants === c.cap).length,
    'summary-cl-conflicts': live.filter((c) => c.alerts.some((a) => a.kind === 'contact-lens-conflict'))
      .length,
  };
  for (const [testId, value] of Object.entries(expected)) {
    expect(summaryNumber(await strip.getByTestId(testId).innerText()), testId).toBe(value);
  }
  // The Claims customer has been on hold for 2:30 and counting; no other customer is held.
  await expect(strip.getByTestId('summary-longest-hold')).toContainText(/(^|\D)2:[3-5]\d(\D|$)/);
});
