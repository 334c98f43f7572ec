import { createToken } from './support/auth';
import { expect, test } from './support/fixtures';

/** Issue 11: the sign-in page, the first start's one-time password, sign-out, and kiosk links. */

test.use({ signedInAs: null });

const PASSWORD = 'e2e login password 1';

async function addUser(request: import('@playwright/test').APIRequestContext, name: string, role: string) {
  const answer = await request.post('/api/admin/users', { data: { name, role, password: PASSWORD } });
  expect([201, 409]).toContain(answer.status());
}

test('[LOGIN] Username, Password and Sign in; a wrong password and an unknown user get the same message', async ({
  page,
  request,
}) => {
  await addUser(request, 'olga', 'supervisor');
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
  await page.getByLabel('Username').fill('olga');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const message = page.locator('form').getByRole('alert');
  await expect(message).toBeVisible();
  const wrongPassword = await message.textContent();

  await page.reload();
  await page.getByLabel('Username').fill('no-such-person');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText(wrongPassword!);
  expect(wrongPassword).toMatch(/wrong user name or password/);

  await page.getByLabel('Username').fill('olga');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('session-menu')).toContainText('olga');
  await expect(page.getByTestId('session-menu')).toContainText('supervisor');
});

test('[LOGIN] sign-out ends the session: the board sends the browser back to sign in', async ({
  page,
  request,
}) => {
  await addUser(request, 'piet', 'manager');
  await page.goto('/login');
  await page.getByLabel('Username').fill('piet');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('session-menu')).toContainText('piet');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await page.request.get('/api/auth/session')).status()).toBe(401);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('[LOGIN] a kiosk link ?token=… is exchanged for a session cookie and leaves the address bar', async ({
  page,
  context,
}) => {
  const token = await createToken('supervisor', {}, 'lobby kiosk');
  await page.goto(`/?density=compact&token=${encodeURIComponent(token)}`);
  await expect(page.getByTestId('session-menu')).toContainText('lobby kiosk');
  expect(page.url()).not.toContain('token');
  expect(page.url()).toContain('density=compact');
  const cookie = (await context.cookies()).find((c) => c.name === 'confwatch_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  expect(cookie!.value).not.toContain(token);
});

test('[LOGIN] the first start’s one-time admin password must be changed before anything else', async ({
  page,
  stack,
}) => {
  await stack.resetSidecar();
  const printed = [...stack.logs().matchAll(/one-time password: (\S+)/g)].at(-1)?.[1];
  expect(printed, 'the first start prints the admin password').toBeTruthy();

  await page.goto('/login');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(printed!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();

  // Nothing else works until it is changed: no page, no data.
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/login\?change=1/);
  const refused = await page.request.get('/api/conferences');
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toMatch(/one-time password/);

  await page.getByLabel('Current password').fill(printed!);
  await page.getByLabel('New password', { exact: true }).fill('my own admin password');
  await page.getByLabel('New password again').fill('my own admin password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByTestId('audit-table')).toContainText('Password change');
  // The one-time password is spent.
  const again = await page.request.post('/api/auth/login', {
    data: { username: 'admin', password: printed },
  });
  expect(again.status()).toBe(401);
});
