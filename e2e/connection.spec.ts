import { card, connectionStatus, node } from './support/board';
import { createCall } from './support/call-script';
import { expect, test } from './support/fixtures';
import { postBatch } from './support/ingest';
import { newAgent } from './support/raw';

test('[CONNECTION] the page recovers after the sidecar restarts', async ({ page, stack }) => {
  const before = createCall({ queue: 'Support', phone: '+49 69 1000 0001' });
  before.start(newAgent('Karl', 'Winter'), { ago: 200 });
  before.addAgent(newAgent('Lea', 'Sommer'), { ago: 100 });
  await postBatch(before.flush());

  await page.goto('/');
  const status = connectionStatus(page);
  await expect(status).toHaveAttribute('data-status', 'connected');
  await expect(card(page, before.root)).toBeVisible();

  // kill -9: the page says so, and keeps the last data on screen, telling its age.
  await stack.killSidecar();
  await expect(status).toHaveAttribute('data-status', /^(reconnecting|offline)$/, { timeout: 5_000 });
  await expect(card(page, before.root)).toBeVisible();
  await expect(status).toContainText(/\d+\s*s(ec(ond)?s?)?\b.*ago/i, { timeout: 5_000 });
  const firstAge = Number(/(\d+)\s*s/i.exec(await status.innerText())?.[1]);
  await expect
    .poll(async () => Number(/(\d+)\s*s/i.exec(await status.innerText())?.[1]), { timeout: 5_000 })
    .toBeGreaterThan(firstAge);

  // The sidecar comes back from its event log; the page reconnects and resyncs by itself.
  await stack.startSidecar();
  await expect(status).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
  await expect(card(page, before.root)).toBeVisible();

  const after = createCall({ queue: 'Support', phone: '+49 69 1000 0002' });
  after.start(newAgent('Mona', 'Herbst'));
  after.addExternal('+49 69 1000 0003');
  await postBatch(after.flush());
  await expect(card(page, after.root)).toBeVisible({ timeout: 2_000 });

  // Changes to a conference that lived through the restart show too.
  before.setHold(before.customerId, true);
  await postBatch(before.flush());
  await expect(node(card(page, before.root), before.customerId)).toHaveAttribute(
    'data-participant-state',
    'hold',
    {
      timeout: 2_000,
    },
  );
});
