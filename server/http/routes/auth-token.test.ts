import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestSidecar, TOKEN, type TestSidecar } from '@/server/test-helpers/test-sidecar';

const WALLBOARD = 'env-wallboard-token-0123456789abcdef';
let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar({ WALLBOARD_TOKEN: WALLBOARD });
});
afterAll(() => sidecar.stop());

/** GET /api/auth/token as a kiosk's browser would, without following the redirect. */
async function exchange(token: string): Promise<{ location: string; cookie: string | null }> {
  const answer = await fetch(
    `${sidecar.url}/api/auth/token?token=${encodeURIComponent(token)}&next=${encodeURIComponent('/wallboard')}`,
    { redirect: 'manual' },
  );
  expect(answer.status).toBe(303);
  return { location: answer.headers.get('location')!, cookie: answer.headers.get('set-cookie') };
}

test('WALLBOARD_TOKEN in a kiosk link opens a wallboard session, and that session reads as the wallboard role', async () => {
  const { location, cookie } = await exchange(WALLBOARD);
  expect(location).toBe('/wallboard');
  expect(cookie).toMatch(/HttpOnly/i);
  const session = await fetch(`${sidecar.url}/api/auth/session`, {
    headers: { cookie: cookie!.split(';')[0]! },
  });
  expect(session.status).toBe(200);
  expect(await session.json()).toMatchObject({ role: 'wallboard', name: 'WALLBOARD_TOKEN' });
});

test('a machine credential of the environment (INGEST_TOKEN) never becomes a browser session', async () => {
  const { location, cookie } = await exchange(TOKEN);
  expect(location).toBe(`/login?error=token&next=${encodeURIComponent('/wallboard')}`);
  expect(cookie).toBeNull();
});

test('a stored token of a machine role (ingest, ccp-relay, replay, metrics) never becomes a browser session', async () => {
  for (const role of ['ingest', 'ccp-relay', 'replay', 'metrics']) {
    const { location, cookie } = await exchange(await sidecar.token(role));
    expect(location, role).toBe(`/login?error=token&next=${encodeURIComponent('/wallboard')}`);
    expect(cookie, role).toBeNull();
  }
  // A person's role still does.
  const { location, cookie } = await exchange(await sidecar.token('supervisor'));
  expect(location).toBe('/wallboard');
  expect(cookie).toMatch(/confwatch_session=/);
});
