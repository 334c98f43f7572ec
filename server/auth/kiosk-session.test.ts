import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAccounts } from '@/server/auth/accounts';
import { startTestSidecar, TOKEN, type TestSidecar } from '@/server/test-helpers/test-sidecar';

const WALLBOARD_TOKEN = 'wallboard-env-token-0123456789abcdef';
const PASSWORD = 'a long enough password 42';

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar({ WALLBOARD_TOKEN, SESSION_MAX_HOURS: '1' });
  await createAccounts(sidecar.store).addUser({ name: 'sam', role: 'supervisor', password: PASSWORD });
});
afterAll(() => sidecar.stop());

/** A kiosk opening `/wallboard?token=…`: the web process sends it here; the cookie that comes back. */
async function exchange(
  url: string,
  token: string,
): Promise<{ status: number; location: string; cookie: string }> {
  const answer = await fetch(`${url}/api/auth/token?token=${encodeURIComponent(token)}&next=/wallboard`, {
    redirect: 'manual',
  });
  return {
    status: answer.status,
    location: answer.headers.get('location') ?? '',
    cookie: (answer.headers.get('set-cookie') ?? '').split(';')[0]!,
  };
}

const session = async (url: string, cookie: string) =>
  fetch(`${url}/api/auth/session`, { headers: { cookie } }).then(async (r) => ({
    status: r.status,
    body: r.status === 200 ? await r.json() : null,
  }));

const renew = (url: string, cookie: string) =>
  fetch(`${url}/api/auth/session/renew`, { method: 'POST', headers: { cookie, origin: url } });

describe('kiosk sessions', () => {
  test('WALLBOARD_TOKEN in a kiosk link opens a wallboard session; a machine credential of the environment does not', async () => {
    const kiosk = await exchange(sidecar.url, WALLBOARD_TOKEN);
    expect(kiosk.status).toBe(303);
    expect(kiosk.location).toBe('/wallboard');
    expect((await session(sidecar.url, kiosk.cookie)).body).toMatchObject({
      role: 'wallboard',
      kind: 'token',
      name: 'WALLBOARD_TOKEN',
      scope: 'all',
    });
    const ingest = await exchange(sidecar.url, TOKEN);
    expect(ingest.location).toMatch(/^\/login\?error=token/);
    expect(ingest.cookie).toBe('');
  });

  test('a kiosk session is renewed while in use; a person’s session is not', async () => {
    const kiosk = await exchange(sidecar.url, await sidecar.token('wallboard'));
    const answer = await renew(sidecar.url, kiosk.cookie);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { renewed: boolean; expiresAt: string };
    expect(body.renewed).toBe(true);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now() + 59 * 60_000);
    // The same cookie, made to last a full session again.
    expect(answer.headers.get('set-cookie')).toContain(kiosk.cookie);
    expect(answer.headers.get('set-cookie')).toMatch(/Max-Age=3600/);

    const login = await fetch(`${sidecar.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: sidecar.url },
      body: JSON.stringify({ username: 'sam', password: PASSWORD }),
    });
    const person = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const refused = await renew(sidecar.url, person);
    expect(await refused.json()).toEqual({ renewed: false });
    expect(refused.headers.get('set-cookie')).toBeNull();
  });

  test('a session made from WALLBOARD_TOKEN ends when the sidecar runs with another one', async () => {
    const kiosk = await exchange(sidecar.url, WALLBOARD_TOKEN);
    const dataDir = sidecar.dataDir;
    await sidecar.stop({ keepData: true });
    const other = await startTestSidecar({ WALLBOARD_TOKEN: `${WALLBOARD_TOKEN}-rotated` }, dataDir);
    try {
      expect((await session(other.url, kiosk.cookie)).status).toBe(401);
      const again = await exchange(other.url, `${WALLBOARD_TOKEN}-rotated`);
      expect((await session(other.url, again.cookie)).body).toMatchObject({ role: 'wallboard' });
    } finally {
      await other.stop();
      sidecar = await startTestSidecar({ WALLBOARD_TOKEN });
    }
  });
});
