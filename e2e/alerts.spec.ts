import { connectionStatus } from './support/board';
import { findLayoutProblems } from './support/layout-probe';
import { createCall } from './support/call-script';
import { signInAs } from './support/auth';
import { expect, test } from './support/fixtures';
import { postBatch } from './support/ingest';
import { newAgent } from './support/raw';

test('[ALERTS] acknowledge survives a reload and a sidecar restart', async ({ page, context, stack }) => {
  await signInAs(context, 'supervisor', {}, 'Tess Ramirez');
  // The customer has been on hold for two minutes: a long-hold alert (A3) since a minute ago.
  const call = createCall({ queue: 'Claims', phone: '+49 40 3001 0001' });
  call.start(newAgent('Ida', 'Berg'), { ago: 400 });
  call.addAgent(newAgent('Jan', 'Voss'), { ago: 300 });
  call.setHold(call.customerId, true, { ago: 120 });
  await postBatch(call.flush());

  await page.goto('/');
  const panel = page.getByTestId('alerts-panel');
  const row = panel.locator(
    `[data-alert-row][data-conference-id="${call.root}"][data-alert-kind="long-hold"]`,
  );
  await expect(row).toBeVisible();
  await expect(row.getByRole('link').first()).toHaveAttribute(
    'href',
    new RegExp(`/conferences/${call.root}$`),
  );

  // The acknowledgement is the signed-in supervisor's: nothing is asked, the session says who.
  await row.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(row).toContainText('Acknowledged by Tess Ramirez');
  await expect(row.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);

  await page.reload();
  await expect(row).toContainText('Acknowledged by Tess Ramirez');

  await stack.restartSidecar();
  await expect(connectionStatus(page)).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
  await expect(row).toContainText('Acknowledged by Tess Ramirez');
  await page.reload();
  await expect(row).toContainText('Acknowledged by Tess Ramirez');

  // The next acknowledgement is the same person's.
  call.leave(call.primaryId);
  await postBatch(call.flush());
  const primaryLeft = panel.locator(
    `[data-alert-row][data-conference-id="${call.root}"][data-alert-kind="primary-left"]`,
  );
  await primaryLeft.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(primaryLeft).toContainText('Acknowledged by Tess Ramirez');
});

test('[ALERTS] a failed acknowledgement says why, and goes through when tried again', async ({
  page,
  context,
  stack,
}) => {
  await signInAs(context, 'supervisor', {}, 'Wanda Nowak');
  const call = createCall({ queue: 'Claims', phone: '+49 40 3001 0002' });
  call.start(newAgent('Uwe', 'Lorenz'), { ago: 400 });
  call.addAgent(newAgent('Vera', 'Mohr'), { ago: 300 });
  call.setHold(call.customerId, true, { ago: 120 });
  await postBatch(call.flush());

  await page.goto('/');
  const row = page
    .getByTestId('alerts-panel')
    .locator(`[data-alert-row][data-conference-id="${call.root}"][data-alert-kind="long-hold"]`);
  await expect(row).toBeVisible();

  // The sidecar is gone: the acknowledgement waiting for the name fails, and the row says why.
  await stack.killSidecar();
  try {
    await expect(connectionStatus(page)).not.toHaveAttribute('data-status', 'connected');
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(row.getByRole('alert')).toContainText(/Not acknowledged: not connected/);
  } finally {
    await stack.startSidecar();
  }
  await expect(connectionStatus(page)).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
  // Tried again: the error goes, the acknowledgement stands, in the signed-in name.
  await row.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(row).toContainText('Acknowledged by Wanda Nowak');
  await expect(row.getByRole('alert')).toHaveCount(0);
});

test('[ALERTS] the alerts panel reads cleanly at 1280×800: no text runs together, nothing spills out', async ({
  page,
  context,
  stack,
}) => {
  await stack.resetSidecar();
  await signInAs(context, 'supervisor', {}, 'Xaver Quast');
  await page.setViewportSize({ width: 1280, height: 800 });
  // A critical, a warning and an info alert, on queues with long names and on hidden calls too.
  const conflict = createCall({
    queue: 'Mortgage renewals and refinancing',
    phone: '+49 30 2291 4411',
    lens: true,
  });
  conflict.start(newAgent('Lena', 'Hoffmann-Schwarzenberger'), { ago: 600 });
  conflict.addAgent(newAgent('Marco', 'Bianchi'), { ago: 500 });
  conflict.addExternal('+49 30 8853 1201', { ago: 400 });
  const held = createCall({ queue: 'Claims', phone: '+49 40 3001 0003' });
  held.start(newAgent('Ida', 'Berg'), { ago: 400 });
  held.setHold(held.customerId, true, { ago: 200 });
  const left = createCall({ queue: 'Retention', phone: '+49 221 998 7767' });
  left.start(newAgent('Uwe', 'Lorenz'), { ago: 400 });
  left.addAgent(newAgent('Vera', 'Mohr'), { ago: 300 });
  left.addExternal('+49 151 2345 6790', { ago: 250 });
  left.leave(left.primaryId, { ago: 100 });
  for (const call of [conflict, held, left]) await postBatch(call.flush());

  await page.goto('/');
  const panel = page.getByTestId('alerts-panel');
  const rows = panel.locator('[data-alert-row]');
  await expect(rows).toHaveCount(3);
  for (const kind of ['contact-lens-conflict', 'long-hold', 'primary-left'])
    await expect(panel.locator(`[data-alert-kind="${kind}"]`).first()).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath('alerts-panel-1280x800.png') });
  expect(await findLayoutProblems(rows)).toEqual([]);
  // The panel fits its column: no sideways scrolling, each button inside its row.
  expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  for (const row of await rows.all()) {
    const box = (await row.boundingBox())!;
    const button = (await row.getByRole('button', { name: 'Acknowledge' }).boundingBox())!;
    expect(button.x).toBeGreaterThanOrEqual(box.x);
    expect(button.x + button.width).toBeLessThanOrEqual(box.x + box.width + 1);
  }
});
