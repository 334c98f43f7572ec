import { describe, expect, test } from 'vitest';
import type { SessionRecord, TokenRecord, UserRecord } from '../auth-records';
import { StoreInputError } from '../errors';
import type { ContractContext } from './context';

const T0 = Date.UTC(2026, 11, 1, 9);
const hex = (c: string, n: number) => c.repeat(n);

const user = (name: string, over: Partial<UserRecord> = {}): UserRecord => ({
  name,
  passwordHash: 'scrypt$65536$8$1$c2FsdA$aGFzaA',
  role: 'supervisor',
  scope: { queues: ['Sales'], groups: [] },
  mustChangePassword: false,
  createdAt: T0,
  updatedAt: T0,
  lastSignInAt: null,
  ...over,
});

const token = (id: string, over: Partial<TokenRecord> = {}): TokenRecord => ({
  id,
  name: `token ${id}`,
  role: 'wallboard',
  scope: { queues: [], groups: ['Berlin'] },
  secretHash: hex('a', 64),
  createdAt: T0,
  createdBy: 'admin',
  revokedAt: null,
  ...over,
});

const session = (idHash: string, over: Partial<SessionRecord> = {}): SessionRecord => ({
  idHash,
  kind: 'password',
  subject: 'sam',
  role: 'supervisor',
  scope: { queues: [], groups: [] },
  tokenId: null,
  mustChangePassword: false,
  createdAt: T0,
  lastSeenAt: T0,
  expiresAt: T0 + 3_600_000,
  ...over,
});

export function registerAuthContract({ open }: ContractContext): void {
  describe('users, tokens, sessions and the audit log', () => {
    test('users are upserted by name, listed by name, and removed', async () => {
      const store = await open();
      await store.putUser(user('zoe'));
      await store.putUser(user('amy', { role: 'admin', mustChangePassword: true }));
      await store.putUser(user('zoe', { role: 'manager', updatedAt: T0 + 1, lastSignInAt: T0 + 2 }));
      expect((await store.listUsers()).map((u) => [u.name, u.role, u.mustChangePassword])).toEqual([
        ['amy', 'admin', true],
        ['zoe', 'manager', false],
      ]);
      expect(await store.getUser('zoe')).toEqual(
        user('zoe', { role: 'manager', updatedAt: T0 + 1, lastSignInAt: T0 + 2 }),
      );
      expect(await store.getUser('nobody')).toBeNull();
      expect(await store.deleteUser('zoe')).toBe(true);
      expect(await store.deleteUser('zoe')).toBe(false);
    });

    test('tokens are kept with their digest only, and revoked once', async () => {
      const store = await open();
      await store.putToken(token('0123456789ab'));
      await store.putToken(token('ba9876543210', { role: 'ccp-relay' }));
      expect(await store.getToken('0123456789ab')).toEqual(token('0123456789ab'));
      expect(await store.revokeToken('0123456789ab', T0 + 5)).toBe(true);
      expect(await store.revokeToken('0123456789ab', T0 + 9)).toBe(false);
      expect((await store.listTokens()).map((t) => [t.id, t.revokedAt])).toEqual([
        ['0123456789ab', T0 + 5],
        ['ba9876543210', null],
      ]);
      await expect(store.putToken(token('not-an-id'))).rejects.toThrow(StoreInputError);
    });

    test('sessions are found by digest, touched, ended one by one, by person or token, and when expired', async () => {
      const store = await open();
      await store.putSession(session(hex('1', 64)));
      await store.putSession(session(hex('2', 64), { subject: 'sam', kind: 'oidc' }));
      await store.putSession(
        session(hex('3', 64), { kind: 'token', subject: 'wall', tokenId: '0123456789ab' }),
      );
      await store.putSession(session(hex('4', 64), { subject: 'old', lastSeenAt: T0 - 7_200_000 }));
      await store.touchSession(hex('1', 64), T0 + 60_000);
      expect((await store.getSession(hex('1', 64)))?.lastSeenAt).toBe(T0 + 60_000);
      expect(await store.deleteExpiredSessions(T0, T0 - 3_600_000)).toBe(1);
      expect(await store.getSession(hex('4', 64))).toBeNull();
      expect(await store.deleteSessionsOf({ tokenId: '0123456789ab' })).toBe(1);
      expect(await store.deleteSessionsOf({ subject: 'sam', kind: 'password' })).toBe(1);
      expect((await store.getSession(hex('2', 64)))?.kind).toBe('oidc');
      await store.deleteSession(hex('2', 64));
      expect(await store.getSession(hex('2', 64))).toBeNull();
    });

    test('a session written again keeps its id and takes its new end (a kiosk session renewed)', async () => {
      const store = await open();
      const kiosk = session(hex('5', 64), { kind: 'token', subject: 'wall', tokenId: '0123456789ab' });
      await store.putSession(kiosk);
      await store.putSession({
        ...kiosk,
        lastSeenAt: kiosk.lastSeenAt + 60_000,
        expiresAt: kiosk.expiresAt + 3_600_000,
      });
      expect(await store.getSession(hex('5', 64))).toEqual({
        ...kiosk,
        lastSeenAt: kiosk.lastSeenAt + 60_000,
        expiresAt: kiosk.expiresAt + 3_600_000,
      });
    });

    test('the audit log pages newest first', async () => {
      const store = await open();
      for (let i = 0; i < 5; i++)
        await store.appendAudit({
          at: T0 + i,
          actor: 'admin',
          action: i % 2 ? 'sign-in' : 'token-create',
          target: `t${i}`,
          outcome: 'ok',
          ip: '127.0.0.1',
          detail: null,
        });
      const first = await store.listAudit({ limit: 2 });
      expect(first.map((e) => e.target)).toEqual(['t4', 't3']);
      const next = await store.listAudit({ limit: 10, beforeSeq: first[1]!.seq });
      expect(next.map((e) => e.target)).toEqual(['t2', 't1', 't0']);
    });

    test('the audit log is read by kind and by actor, still newest first and paged', async () => {
      const store = await open();
      for (let i = 0; i < 6; i++)
        await store.appendAudit({
          at: T0 + i,
          actor: i < 3 ? 'ana' : 'ben',
          action: i % 2 ? 'sign-in' : 'denied',
          target: `t${i}`,
          outcome: 'ok',
          ip: null,
          detail: null,
        });
      const denied = await store.listAudit({ limit: 10, action: 'denied' });
      expect(denied.map((e) => e.target)).toEqual(['t4', 't2', 't0']);
      const ben = await store.listAudit({ limit: 10, actor: 'ben' });
      expect(ben.map((e) => e.target)).toEqual(['t5', 't4', 't3']);
      const both = await store.listAudit({ limit: 1, action: 'sign-in', actor: 'ana' });
      expect(both.map((e) => e.target)).toEqual(['t1']);
      const older = await store.listAudit({ limit: 5, action: 'denied', beforeSeq: denied[0]!.seq });
      expect(older.map((e) => e.target)).toEqual(['t2', 't0']);
    });
  });
}
