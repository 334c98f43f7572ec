import { createCall } from './support/call-script';
import { expect, test } from './support/fixtures';
import { postBatch } from './support/ingest';
import { newAgent } from './support/raw';

test('[DETAIL] an id the sidecar does not know answers 404; a known one 200; with the sidecar down, a 503 that retries', async ({
  page,
  stack,
}) => {
  const unknown = await page.goto('/conferences/does-not-exist');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByTestId('unknown-conference')).toContainText(/no live conference/i);
  await expect(page.getByRole('button', { name: /^Theme/ })).toBeVisible();

  const call = createCall({ queue: 'Claims', phone: '+49 30 7000 0001' });
  call.start(newAgent('Rita', 'Sommer'), { ago: 60 });
  await postBatch(call.flush());
  const known = await page.goto(`/conferences/${call.root}`);
  expect(known?.status()).toBe(200);
  await expect(page.getByTestId('conference-detail')).toHaveAttribute('data-conference-id', call.root);

  // The sidecar cannot be asked: not who is signed in, so no page is served unchecked; it retries.
  await stack.killSidecar();
  try {
    const down = await page.goto('/conferences/does-not-exist');
    expect(down?.status()).toBe(503);
    await expect(page.getByRole('heading')).toContainText(/cannot reach its sidecar/);
  } finally {
    await stack.startSidecar();
  }
});
