import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cookieSocket, handshake, withCookie } from '@/server/test-helpers/sign-in';
import { startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

/**
 * A kiosk session made from ADMIN_TOKEN or WALLBOARD_TOKEN (`?token=…`) lasts as long as that
 * value does: a sidecar restarted on the same store with a new value (a rotation) or without it
 * ends the old sessions, and their sockets cannot come back.
 */

const dataDir = mkdtempSync(join(tmpdir(), 'confwatch-env-rotation-'));
const WALL_OLD = 'wallboard-token-before-rotation-0123';
const WALL_NEW = 'wallboard-token-after-rotation-01234';
const ADMIN_OLD = 'admin-token-before-rotation-0123456';
const ADMIN_NEW = 'admin-token-after-rotation-01234567';
const running: TestSidecar[] = [];
afterAll(async () => {
  for (const sidecar of running) await sidecar.stop({ keepData: true });
  rmSync(dataDir, { recursive: true, force: true });
});

async function sidecarWith(env: Record<string, string>): Promise<TestSidecar> {
  for (const sidecar of running.splice(0)) await sidecar.stop({ keepData: true });
  const sidecar = await startTestSidecar(env, dataDir);
  running.push(sidecar);
  return sidecar;
}

/** A kiosk's `?token=` exchanged for a session cookie (`name=value`). */
async function kioskCookie(url: string, token: string): Promise<string> {
  const answer = await fetch(`${url}/api/auth/token?token=${encodeURIComponent(token)}&next=/wallboard`, {
    redirect: 'manual',
  });
  expect(answer.headers.get('location')).toBe('/wallboard');
  return answer.headers.get('set-cookie')!.split(';')[0]!;
}

async function socketOpens(url: string, cookie: string): Promise<true | string> {
  const socket = cookieSocket(url, cookie);
  try {
    return await handshake(socket);
  } finally {
    socket.close();
  }
}

test('a rotated or removed environment token ends the sessions made from its old value', async () => {
  let sidecar = await sidecarWith({ WALLBOARD_TOKEN: WALL_OLD, ADMIN_TOKEN: ADMIN_OLD });
  const wall = await kioskCookie(sidecar.url, WALL_OLD);
  const admin = await kioskCookie(sidecar.url, ADMIN_OLD);
  expect((await withCookie(sidecar.url, '/api/config', wall)).status).toBe(200);
  expect(await socketOpens(sidecar.url, wall)).toBe(true);

  // A restart with the same values keeps them.
  sidecar = await sidecarWith({ WALLBOARD_TOKEN: WALL_OLD, ADMIN_TOKEN: ADMIN_OLD });
  expect((await withCookie(sidecar.url, '/api/config', wall)).status).toBe(200);
  expect((await withCookie(sidecar.url, '/api/audit', admin)).status).toBe(200);

  // A new WALLBOARD_TOKEN, ADMIN_TOKEN as it was: only the wallboard's session ends.
  sidecar = await sidecarWith({ WALLBOARD_TOKEN: WALL_NEW, ADMIN_TOKEN: ADMIN_OLD });
  expect((await withCookie(sidecar.url, '/api/config', wall)).status).toBe(401);
  expect(await socketOpens(sidecar.url, wall)).toMatch(/sign in/);
  expect((await withCookie(sidecar.url, '/api/audit', admin)).status).toBe(200);
  const fresh = await kioskCookie(sidecar.url, WALL_NEW);
  expect((await withCookie(sidecar.url, '/api/config', fresh)).status).toBe(200);

  // ADMIN_TOKEN rotated, then WALLBOARD_TOKEN removed altogether.
  sidecar = await sidecarWith({ WALLBOARD_TOKEN: WALL_NEW, ADMIN_TOKEN: ADMIN_NEW });
  expect((await withCookie(sidecar.url, '/api/audit', admin)).status).toBe(401);
  expect((await withCookie(sidecar.url, '/api/config', fresh)).status).toBe(200);
  sidecar = await sidecarWith({ ADMIN_TOKEN: ADMIN_NEW });
  expect((await withCookie(sidecar.url, '/api/config', fresh)).status).toBe(401);
}, 60_000);
