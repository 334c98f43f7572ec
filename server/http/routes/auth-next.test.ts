import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOidcProvider, OIDC_CLIENT_ID, type LocalOidcProvider } from '@/e2e/support/oidc-provider';
import { startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

/**
 * The `next` of a sign-in is a redirect target: the sidecar's kiosk-token exchange and the start of
 * single sign-on must never send a browser to another origin, however the path is dressed up.
 */

const WALLBOARD = 'env-wallboard-token-0123456789abcdef';
const REDIRECT = 'http://127.0.0.1:9/api/auth/oidc/callback';
let provider: LocalOidcProvider;
let sidecar: TestSidecar;

beforeAll(async () => {
  provider = await startOidcProvider(REDIRECT, {});
  sidecar = await startTestSidecar({
    WALLBOARD_TOKEN: WALLBOARD,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID,
    OIDC_ALLOW_HTTP: 'true',
    OIDC_REDIRECT_URL: REDIRECT,
  });
});
afterAll(async () => {
  await sidecar.stop();
  await provider.close();
});

const OFF_SITE = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '//evil.example',
  '//evil.example/wallboard',
  '///evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '/%09/evil.example',
  '/%5Cevil.example',
  '/%2F/evil.example',
  '/..//evil.example',
];

async function redirectOf(path: string): Promise<{ location: string; setCookie: string }> {
  const answer = await fetch(`${sidecar.url}${path}`, { redirect: 'manual' });
  expect([302, 303]).toContain(answer.status);
  return { location: answer.headers.get('location')!, setCookie: answer.headers.get('set-cookie') ?? '' };
}

/** The `next` kept in the signed cookie that carries a single sign-on to its callback. */
function flowNext(setCookie: string): string {
  const value = decodeURIComponent(/confwatch_oidc=([^;]+)/.exec(setCookie)![1]!);
  return JSON.parse(value.slice(0, value.lastIndexOf('.'))).next;
}

describe('a sign-in goes on only to a path on this site', () => {
  test.each(OFF_SITE)('the kiosk-token exchange sends %j to /', async (next) => {
    const query = `next=${encodeURIComponent(next)}`;
    expect((await redirectOf(`/api/auth/token?token=${WALLBOARD}&${query}`)).location).toBe('/');
    expect((await redirectOf(`/api/auth/token?token=not-a-token&${query}`)).location).toBe(
      '/login?error=token&next=%2F',
    );
  });

  test.each(OFF_SITE)('single sign-on keeps / instead of %j for after the callback', async (next) => {
    const { location, setCookie } = await redirectOf(`/api/auth/oidc/start?next=${encodeURIComponent(next)}`);
    expect(location.startsWith(`${provider.issuer}/`)).toBe(true);
    expect(flowNext(setCookie)).toBe('/');
  });

  test('a path on this site is kept, with its query', async () => {
    const next = encodeURIComponent('/conferences/root-1?tab=legs');
    expect((await redirectOf(`/api/auth/token?token=${WALLBOARD}&next=${next}`)).location).toBe(
      '/conferences/root-1?tab=legs',
    );
    expect(flowNext((await redirectOf(`/api/auth/oidc/start?next=${next}`)).setCookie)).toBe(
      '/conferences/root-1?tab=legs',
    );
  });

  test('a repeated next or token is refused, not a server error', async () => {
    const { location } = await redirectOf(`/api/auth/token?token=a&token=b&next=/x&next=/y`);
    expect(location).toBe('/login?error=token&next=%2F');
  });
});
