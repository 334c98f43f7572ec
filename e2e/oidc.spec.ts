import { expect, test } from './support/fixtures';
import {
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_SCOPES,
  startOidcProvider,
  type LocalOidcProvider,
} from './support/oidc-provider';
import { WEB_URL } from './support/stack';

/**
 * Issue 11: single sign-on end to end against a real OpenID provider on this machine: the
 * authorization code flow with PKCE through openid-client, the role and scope taken from claims.
 */

test.use({ signedInAs: null });

const PEOPLE = {
  'floor-lead': { roles: ['cw-floor', 'staff'], queues: ['Sales', 'Support'], groups: ['Berlin'] },
  // With a scope claim configured, every call is granted only explicitly.
  'head-office': { roles: ['cw-admins'], queues: '*' },
  'no-scope': { roles: ['cw-floor'] },
  outsider: { roles: ['staff'] },
};

let provider: LocalOidcProvider;

test.beforeAll(async ({ stack }) => {
  provider = await startOidcProvider(`${WEB_URL}/api/auth/oidc/callback`, PEOPLE);
  await stack.useSidecarEnv({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    OIDC_SCOPES,
    OIDC_ALLOW_HTTP: 'true',
    OIDC_REDIRECT_URL: `${WEB_URL}/api/auth/oidc/callback`,
    OIDC_ROLE_CLAIM: 'roles',
    OIDC_ROLE_MAP: 'cw-floor=supervisor,cw-admins=admin',
    OIDC_QUEUES_CLAIM: 'queues',
    OIDC_GROUPS_CLAIM: 'groups',
    OIDC_LABEL: 'Sign in with Test IdP',
  });
});

test.afterAll(async ({ stack }) => {
  await stack.useSidecarEnv({});
  await provider.close();
});

/** From the board, through the provider's own sign-in form, back to confwatch. */
async function signInAtProvider(page: import('@playwright/test').Page, login: string) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password at the test provider');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

test('[OIDC] a person whose claims map to supervisor lands on the board with that role and scope', async ({
  page,
}) => {
  await signInAtProvider(page, 'floor-lead');
  await expect(page).toHaveURL(`${WEB_URL}/`);
  await expect(page.getByTestId('session-menu')).toContainText('floor-lead');
  await expect(page.getByTestId('session-menu')).toContainText('supervisor');
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session).toMatchObject({
    name: 'floor-lead',
    role: 'supervisor',
    kind: 'oidc',
    scope: 'queues Sales, Support; groups Berlin',
  });
  expect((await page.request.get('/api/audit')).status()).toBe(403);
});

test('[OIDC] a claim value that is mapped to admin gives the admin pages', async ({ page }) => {
  await signInAtProvider(page, 'head-office');
  await expect(page).toHaveURL(`${WEB_URL}/`);
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-table')).toContainText('head-office');
});

test('[OIDC] a person whose claims map to no role is refused with a clear page, and it is audited', async ({
  page,
  request,
}) => {
  await signInAtProvider(page, 'outsider');
  await expect(page).toHaveURL(/\/login\?error=oidc-role/);
  await expect(page.locator('main').getByRole('alert')).toHaveText(/no confwatch role/);
  expect((await page.request.get('/api/auth/session')).status()).toBe(401);
  const audit = await (await request.get('/api/audit?action=sign-in&actor=outsider')).json();
  expect(audit.entries[0]).toMatchObject({
    outcome: 'denied',
    detail: expect.stringContaining('no confwatch role'),
  });
});

test('[OIDC] with a scope claim configured, a person whose claims list no queue or group is refused, not shown every call', async ({
  page,
  request,
}) => {
  await signInAtProvider(page, 'no-scope');
  await expect(page).toHaveURL(/\/login\?error=oidc-scope/);
  await expect(page.locator('main').getByRole('alert')).toHaveText(/no queues or groups/);
  expect((await page.request.get('/api/auth/session')).status()).toBe(401);
  const audit = await (await request.get('/api/audit?action=sign-in&actor=no-scope')).json();
  expect(audit.entries[0]).toMatchObject({
    outcome: 'denied',
    detail: expect.stringContaining('no queues or groups'),
  });
});
