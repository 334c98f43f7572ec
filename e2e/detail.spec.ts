import type { Locator } from '@playwright/test';
import type { ContactTreeView } from '@/lib/conference';
import { detailPanel, fetchConference, node } from './support/board';
import { createCall } from './support/call-script';
import { expect, test } from './support/fixtures';
import { postBatch } from './support/ingest';
import { newAgent } from './support/raw';
import { CONSOLE_URL } from './support/stack';

/**
 * The leg a tree shows `contactId` under: going outwards from the leg, the first leg drawn before
 * it. A nested tree answers the inviting leg; a flat list answers its first leg, the root.
 */
function invitingLegShown(tree: Locator, contactId: string): Promise<string | null> {
  return tree.locator(`[data-contact-id="${contactId}"]`).evaluate((leg) => {
    for (let box = leg.parentElement; box; box = box.parentElement) {
      const other = [...box.querySelectorAll('[data-contact-id]')].find(
        (el) => el.compareDocumentPosition(leg) & Node.DOCUMENT_POSITION_FOLLOWING && !el.contains(leg),
      );
      if (other) return other.getAttribute('data-contact-id');
      if (box.matches('[data-testid="contact-tree"]')) return null;
    }
    return null;
  });
}

const flatten = (tree: ContactTreeView): ContactTreeView[] => [tree, ...tree.children.flatMap(flatten)];

test('[DETAIL] shows who hears whom, the contact tree, the timeline and the permissions', async ({
  page,
  request,
}) => {
  // Anna answers; Ben joins on a TRANSFER leg; Ben dials an external party (a grandchild leg, R28);
  // the external party is muted, the customer was held and resumed.
  const anna = newAgent('Anna', 'Keller');
  const ben = newAgent('Ben', 'Ortiz');
  const call = createCall({ queue: 'Mortgages', phone: '+49 30 4444 0001' });
  call.start(anna, { ago: 600 });
  const benId = call.addAgent(ben, { ago: 500 });
  const notary = call.addExternal('+49 30 4444 0002', { ago: 400, invitedBy: benId });
  call.setHold(call.customerId, true, { ago: 300 });
  call.setHold(call.customerId, false, { ago: 240 });
  call.setMuted(notary, true, { ago: 200 });
  await postBatch(call.flush());

  await page.goto(`/conferences/${call.root}`);
  const detail = detailPanel(page);
  await expect(detail).toHaveAttribute('data-conference-id', call.root);
  const view = await fetchConference(request, call.root);

  // The graph: every party, with its state.
  for (const p of view.participants) {
    await expect(node(detail, p.id)).toHaveAttribute('data-participant-state', p.state);
  }

  // Who hears whom: the muted notary is listed, and so is everyone who can be heard.
  const audio = page.getByTestId('audio-paths');
  await expect(audio).toBeVisible();
  for (const name of [anna.name, ben.name, '+49 30 4444 0002']) await expect(audio).toContainText(name);
  await expect(audio).toContainText(/muted/i);

  // The contact tree: every leg, nested under the leg that invited it.
  const tree = page.getByTestId('contact-tree');
  for (const leg of flatten(view.contactTree)) {
    await expect(tree.locator(`[data-contact-id="${leg.contactId}"]`)).toHaveAttribute(
      'data-leg-status',
      leg.status,
    );
  }
  expect(await invitingLegShown(tree, call.party(notary).leg)).toBe(call.party(benId).leg);
  expect(await invitingLegShown(tree, call.party(benId).leg)).toBe(call.root);

  // The timeline: one entry per engine timeline entry, of the same kinds.
  const timeline = page.getByTestId('timeline');
  for (const kind of new Set(view.timeline.map((e) => e.kind))) {
    const count = view.timeline.filter((e) => e.kind === kind).length;
    await expect(timeline.locator(`[data-timeline-kind="${kind}"]`), kind).toHaveCount(count);
  }

  // Permissions in plain words: per agent, allowed or denied, with the rule behind it.
  const permissions = page.getByTestId('permissions');
  await expect(permissions).toContainText(anna.name);
  await expect(permissions).toContainText(ben.name);
  await expect(permissions).toContainText(/allowed/i);
  await expect(permissions).toContainText(/denied/i);
  await expect(permissions).toContainText(/R1[0-9]/);

  await expect(page.getByTestId('console-link')).toHaveAttribute(
    'href',
    `${CONSOLE_URL}/contact-trace-records/details/${call.root}`,
  );

  // Once everyone has left, each leg is labelled for what it turned out to be (R29).
  call.leave(call.primaryId);
  call.leave(notary);
  call.end();
  await postBatch(call.flush());
  await expect(detail.getByTestId('cap-meter')).toHaveAttribute('aria-label', '0 of 6 parties');
  const ended = await fetchConference(request, call.root);
  for (const leg of flatten(ended.contactTree)) {
    await expect(tree.locator(`[data-contact-id="${leg.contactId}"]`)).toHaveAttribute(
      'data-leg-label',
      leg.label ?? '',
    );
  }
  expect(flatten(ended.contactTree).map((leg) => leg.label)).toEqual(['initial', 'transfer', 'conference']);
});
