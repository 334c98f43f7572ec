import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AuditPageSchema } from '@/lib/realtime';
import { createAccounts } from '@/server/auth/accounts';
import { CLIENT_EVENTS } from '@/lib/realtime';
import { contactEvent } from '@/server/test-helpers/raw-builders';
import { handshake, signIn } from '@/server/test-helpers/sign-in';
import { connectBoardClient, startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

/** Issue 11: GET /api/audit for /admin/audit (newest first, paged, by kind and user), and what it records. */

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar();
  await createAccounts(sidecar.store).addUser({ name: 'lena', role: 'manager', password: 'lena password 1' });
  for (let i = 0; i < 3; i++) await signIn(sidecar.url, 'lena', 'wrong password!');
  await signIn(sidecar.url, 'lena', 'lena password 1');
  await signIn(sidecar.url, 'nobody', 'wrong password!');
});
afterAll(() => sidecar.stop());

const audit = async (query: string) => {
  const res = await sidecar.get(`/api/audit?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return AuditPageSchema.parse(res.body);
};

describe('GET /api/audit (issue 11)', () => {
  test('newest first, by kind and by user, in pages that follow on from each other', async () => {
    const lena = await audit('action=sign-in&actor=lena');
    expect(lena.entries.map((e) => e.outcome)).toEqual(['ok', 'failed', 'failed', 'failed']);
    expect(lena.entries.every((e) => e.actor === 'lena' && e.action === 'sign-in')).toBe(true);
    const first = await audit('action=sign-in&limit=2');
    // A user name nobody has is audited as a short keyed digest, never as typed.
    expect(first.entries.map((e) => e.actor)).toEqual([
      expect.stringMatching(/^\(unknown user\) #[0-9a-f]{8}$/),
      'lena',
    ]);
    const second = await audit(`action=sign-in&limit=2&before=${first.next}`);
    expect(second.entries.map((e) => e.outcome)).toEqual(['failed', 'failed']);
    expect(second.entries[0]!.seq).toBeLessThan(first.entries[1]!.seq);
  });

  test('an unknown kind is a 400 that names the kinds', async () => {
    const res = await sidecar.get('/api/audit?action=everything');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/sign-in/);
  });

  test('a page refused to a sign-in is audited (the web process asks with ?page=)', async () => {
    const token = await sidecar.token('wallboard');
    expect((await sidecar.get('/api/auth/session?page=%2Fadmin%2Faudit', token)).status).toBe(200);
    expect((await sidecar.get('/api/auth/session?page=%2Fwallboard', token)).status).toBe(200);
    const denied = await audit('action=denied');
    expect(denied.entries.map((e) => e.target)).toEqual(['page /admin/audit']);
    expect(denied.entries[0]!.detail).toBe('role wallboard lacks admin');
  });
});

describe('scope refusals in the audit log (issue 11)', () => {
  test('a call asked for outside the scope reads as unknown, and the refusal is audited', async () => {
    await sidecar.post('contact-events', [
      contactEvent('INITIATED', 0, { root: 'north-call' }),
      contactEvent('CONNECTED_TO_AGENT', 1, { root: 'north-call', agent: 'nina', queue: 'North' }),
    ]);
    const { token } = await createAccounts(sidecar.store).createToken({
      role: 'supervisor',
      name: 'south desk',
      queues: ['South'],
      createdBy: 'test',
    });
    expect((await sidecar.get('/api/conferences/north-call', token)).status).toBe(404);
    const client = connectBoardClient(sidecar.url, token);
    try {
      expect(await handshake(client.socket)).toBe(true);
      client.socket.emit(CLIENT_EVENTS.watch, { id: 'north-call' });
      await client.until(() => client.details.length === 1);
      expect(client.details[0]!.conference).toBeNull();
    } finally {
      client.close();
    }
    const denied = await audit('action=denied&actor=south%20desk');
    expect(denied.entries.map((e) => e.target)).toEqual([
      'conference:watch north-call',
      'GET /api/conferences/north-call',
    ]);
    expect(denied.entries[0]!.detail).toBe('out of scope (queues South)');
    // An unknown call is not a refusal.
    expect((await sidecar.get('/api/conferences/no-such-call', token)).status).toBe(404);
    expect((await audit('action=denied&actor=south%20desk')).entries).toHaveLength(2);
  });
});
