import { createToken, signInAs } from './support/auth';
import { expect, test } from './support/fixtures';

/** Issue 11: /admin/audit for administrators (newest first, paged, by kind and user) and /admin. */

test('[ADMIN] the audit log: newest first, filtered by kind and by user, a page at a time', async ({
  page,
  request,
}) => {
  // 60 token changes by the admin token, then a refusal by a manager: more than one page.
  const manager = await createToken('manager', {}, 'e2e audit manager');
  for (let i = 0; i < 60; i++) await createToken('metrics', {}, `scraper ${i}`);
  const refused = await request.get('/api/audit', { headers: { authorization: `Bearer ${manager}` } });
  expect(refused.status()).toBe(403);

  await page.goto('/admin/audit');
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await expect(rows.first()).toContainText('e2e audit manager');
  await expect(rows.first()).toContainText('Refused');

  await page.getByLabel('Kind').selectOption({ label: 'Token created' });
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText('scraper 59');
  for (const action of await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-action'))))
    expect(action).toBe('token-create');
  await page.getByRole('button', { name: 'Older →' }).click();
  await expect(page.getByText('Page 2')).toBeVisible();
  await expect(rows.first()).toContainText('scraper 9');
  await page.getByRole('button', { name: '← Newer' }).click();
  await expect(rows.first()).toContainText('scraper 59');

  await page.getByLabel('Kind').selectOption({ label: 'All kinds' });
  await page.getByLabel('User').fill('e2e audit manager');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('GET /api/audit');
});

test('[ADMIN] /admin lists users and tokens without their secrets', async ({ page, request }) => {
  await request.post('/api/admin/users', {
    data: { name: 'quinn', role: 'manager', queues: ['Sales'], password: 'quinn password 1' },
  });
  const token = await createToken('wallboard', { groups: ['Berlin'] }, 'hall screen');
  await page.goto('/admin');
  await expect(page.getByTestId('users-table')).toContainText('quinn');
  await expect(page.getByTestId('users-table')).toContainText('queues Sales');
  await expect(page.getByTestId('tokens-table')).toContainText('hall screen');
  await expect(page.getByTestId('tokens-table')).toContainText('groups Berlin');
  expect(await page.content()).not.toContain(token);
});

test.describe('not for other roles', () => {
  test.use({ signedInAs: null });

  test('[ADMIN] a supervisor opening /admin/audit is sent to the board; the page is audited as refused', async ({
    page,
    context,
    request,
  }) => {
    await signInAs(context, 'supervisor', {}, 'e2e curious supervisor');
    await page.goto('/admin/audit');
    await expect(page).toHaveURL(/\/$/);
    expect((await page.request.get('/api/audit')).status()).toBe(403);
    const audit = await request.get('/api/audit?action=denied&actor=e2e%20curious%20supervisor');
    const targets = ((await audit.json()) as { entries: { target: string }[] }).entries.map((e) => e.target);
    expect(targets).toEqual(expect.arrayContaining(['page /admin/audit', 'GET /api/audit']));
  });
});
