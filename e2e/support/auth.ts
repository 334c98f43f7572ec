import type { APIRequestContext, BrowserContext } from '@playwright/test';
import { ADMIN_TOKEN, SIDECAR_URL } from './stack';

export type SignInRole = 'admin' | 'supervisor' | 'manager' | 'wallboard';
export type SignInScope = { queues?: string[]; groups?: string[] };

/** A new API token of `role` from the sidecar's admin API (as `npm run token -- create` makes). */
export async function createToken(role: string, scope: SignInScope = {}, name?: string): Promise<string> {
  const response = await fetch(`${SIDECAR_URL}/api/admin/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role, ...scope, ...(name ? { name } : {}) }),
  });
  if (response.status !== 201)
    throw new Error(`creating a ${role} token: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * Signs a browser context in as `role`: a token of that role exchanged for a session cookie, the
 * way a kiosk opens `/wallboard?token=…`. Pages and the socket then carry the cookie.
 */
export async function signInAs(
  context: BrowserContext,
  role: SignInRole,
  scope: SignInScope = {},
  name = `e2e ${role}`,
): Promise<void> {
  const token = await createToken(role, scope, name);
  const answer = await context.request.get(
    `/api/auth/token?token=${encodeURIComponent(token)}&next=/api/auth/session`,
  );
  if (!answer.ok()) throw new Error(`signing in as ${role}: HTTP ${answer.status()} ${await answer.text()}`);
}

/** An API client (the `request` fixture) that reads as the sidecar's ADMIN_TOKEN. */
export async function adminRequest(
  newContext: (options: object) => Promise<APIRequestContext>,
  baseURL: string,
) {
  return newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${ADMIN_TOKEN}` } });
}
