import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAccounts } from '@/server/auth/accounts';
import { cookieSocket, handshake, signIn, withCookie } from '@/server/test-helpers/sign-in';
import { ADMIN, startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

/**
 * Issue 11 CSRF: a change carried by a session cookie must come from the dashboard's own origin,
 * and so must a cookie-carrying socket. API tokens are not sent by browsers on their own, so a
 * bearer request needs no origin.
 */

const PASSWORD = 'correct horse battery';
let sidecar: TestSidecar;
let cookie: string;

beforeAll(async () => {
  sidecar = await startTestSidecar();
  await createAccounts(sidecar.store).addUser({ name: 'ana', role: 'admin', password: PASSWORD });
  cookie = (await signIn(sidecar.url, 'ana', PASSWORD)).cookie!;
});
afterAll(() => sidecar.stop());

const newToken = (origin: string | null, referer?: string) =>
  fetch(`${sidecar.url}/api/admin/tokens`, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': 'application/json',
      ...(origin ? { origin } : {}),
      ...(referer ? { referer } : {}),
    },
    body: JSON.stringify({ role: 'metrics' }),
  });

describe('CSRF origin check on cookie-authenticated changes (issue 11)', () => {
  test('a change from another site, or with no origin at all, is refused with 403', async () => {
    for (const origin of ['https://evil.example', 'null', null]) {
      const res = await newToken(origin);
      expect(res.status, String(origin)).toBe(403);
      expect((await res.json()).error).toMatch(/another site/);
    }
    expect((await sidecar.get('/api/admin/tokens')).body.tokens).toEqual([]);
  });

  test('the same change from the dashboard itself goes through (Origin, or Referer when no Origin)', async () => {
    expect((await newToken(sidecar.url)).status).toBe(201);
    expect((await newToken(null, `${sidecar.url}/admin`)).status).toBe(201);
  });

  test('reads need no origin; sign-out (a change) does', async () => {
    expect((await withCookie(sidecar.url, '/api/audit', cookie, { origin: null })).status).toBe(200);
    const other = (await signIn(sidecar.url, 'ana', PASSWORD)).cookie!;
    const refused = await withCookie(sidecar.url, '/api/auth/logout', other, {
      method: 'POST',
      origin: 'https://evil.example',
    });
    expect(refused.status).toBe(403);
    expect((await withCookie(sidecar.url, '/api/auth/session', other)).status).toBe(200);
  });

  test('a bearer token needs no origin (browsers do not send it by themselves)', async () => {
    const res = await fetch(`${sidecar.url}/api/admin/tokens`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN}`,
        'content-type': 'application/json',
        origin: 'https://x.example',
      },
      body: JSON.stringify({ role: 'metrics' }),
    });
    expect(res.status).toBe(201);
  });

  test('a cookie-carrying socket from another site is refused; from the dashboard it connects', async () => {
    const foreign = cookieSocket(sidecar.url, cookie, 'https://evil.example');
    const own = cookieSocket(sidecar.url, cookie, sidecar.url);
    const bare = cookieSocket(sidecar.url, cookie);
    try {
      expect(await handshake(foreign)).toMatch(/another site/);
      expect(await handshake(own)).toBe(true);
      // A same-origin polling handshake carries no Origin (browsers leave it out).
      expect(await handshake(bare)).toBe(true);
    } finally {
      for (const s of [foreign, own, bare]) s.close();
    }
  });
});
