import type { SessionRecord, StoredScope, Store } from '@/server/store';
import type { Audit } from './audit';
import { toScope, type Caller, type Identity } from './identity';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { PersonRoleSchema, RoleSchema, type Role } from './roles';
import { digest, generateSessionId, sameSecret } from './secrets';
import { createSignInLimits } from './sign-in-limits';
import type { TokenRegistry } from './token-registry';
import { unknownUserActor } from './unknown-user';

export type AuthSettings = {
  /** Credentials set in the environment: server-side ingest, the CCP relay, an admin API token. */
  envTokens: { secret: string; name: string; role: Role }[];
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Failed sign-ins per client address, and per user name and address, in `signInWindowMs`. */
  signInPerAddress: number;
  signInPerUser: number;
  signInWindowMs: number;
  /** Keys the digest that names an unknown user in the audit log (never the typed text). */
  auditKey: string;
};

/** What a request or a socket handshake offers. */
export type Credentials = { sessionId?: string | undefined; bearer?: string | undefined };

export type SignInResult =
  | { ok: true; sessionId: string; identity: Identity }
  | { ok: false; status: 401 | 429; reason: string; retryAfterSeconds?: number };

const SIGN_IN_REFUSED = 'wrong user name or password';
const TOO_MANY = 'too many sign-in attempts; wait a little and try again';
/** A hash to check against when the user does not exist, so both answers take as long. */
const DUMMY_HASH = hashPassword('not a real password, only for timing');

const ENV_STAMP = 'env:';
/**
 * What a session made from an environment token keeps of it (in place of an API token's id): its
 * name and a digest of its value, so a restart with a new value ends the sessions of the old one.
 */
const envStamp = (env: { name: string; secret: string }) =>
  `${ENV_STAMP}${env.name}:${digest(`${env.name}\n${env.secret}`).slice(0, 32)}`;

/** A session is written back at most this often while it is used (not on every request). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Sign-in and the credentials behind every request and socket: local users with scrypt hashes,
 * sessions kept in the store (an http-only cookie holds the id, the store its digest), API tokens,
 * and the environment's tokens. Sessions end when idle, at their absolute end, at sign-out, and
 * when the user is removed or the token behind a kiosk session is revoked.
 */
export function createAuthService(deps: {
  store: Store;
  tokens: TokenRegistry;
  audit: Audit;
  settings: AuthSettings;
  now?: () => number;
}) {
  const { store, tokens, audit, settings } = deps;
  const now = deps.now ?? Date.now;
  const limits = createSignInLimits(
    {
      perAddress: settings.signInPerAddress,
      perUser: settings.signInPerUser,
      windowMs: settings.signInWindowMs,
    },
    now,
  );
  const envStamps = new Set(settings.envTokens.map(envStamp));
  /** A token behind a session still stands: a live API token, or the environment's value unchanged. */
  const tokenLive = (tokenId: string) =>
    tokenId.startsWith(ENV_STAMP) ? envStamps.has(tokenId) : tokens.isLive(tokenId);

  function sessionIdentity(session: SessionRecord): Identity {
    return {
      kind: session.kind,
      name: session.subject,
      role: RoleSchema.parse(session.role),
      scope: toScope(session.scope),
      sessionHash: session.idHash,
      ...(session.tokenId ? { tokenId: session.tokenId } : {}),
      ...(session.mustChangePassword ? { mustChangePassword: true } : {}),
    };
  }

  /** The live session with this id, touched; undefined when unknown, expired or idle too long. */
  async function liveSession(sessionId: string): Promise<SessionRecord | undefined> {
    const hash = digest(sessionId);
    const session = await store.getSession(hash);
    if (!session) return undefined;
    const t = now();
    const idle = session.kind !== 'token' && t - session.lastSeenAt > settings.sessionIdleMs;
    const tokenGone = session.tokenId !== null && !tokenLive(session.tokenId);
    if (t >= session.expiresAt || idle || tokenGone) {
      await store.deleteSession(hash);
      return undefined;
    }
    if (t - session.lastSeenAt >= TOUCH_EVERY_MS) await store.touchSession(hash, t);
    return session;
  }

  async function startSession(
    kind: SessionRecord['kind'],
    subject: string,
    role: Role,
    scope: StoredScope,
    extra: { tokenId?: string; mustChangePassword?: boolean } = {},
  ): Promise<{ sessionId: string; identity: Identity }> {
    const sessionId = generateSessionId();
    const t = now();
    const record: SessionRecord = {
      idHash: digest(sessionId),
      kind,
      subject,
      role,
      scope,
      tokenId: extra.tokenId ?? null,
      mustChangePassword: extra.mustChangePassword ?? false,
      createdAt: t,
      lastSeenAt: t,
      expiresAt: t + settings.sessionMaxMs,
    };
    await store.putSession(record);
    return { sessionId, identity: sessionIdentity(record) };
  }

  return {
    /** Decides who is calling from what a request or handshake offers. */
    async resolve(credentials: Credentials): Promise<Caller> {
      if (credentials.bearer) {
        for (const env of settings.envTokens)
          if (sameSecret(credentials.bearer, env.secret))
            return {
              kind: 'identified',
              identity: { kind: 'env', name: env.name, role: env.role, scope: 'all' },
            };
        const token = await tokens.verify(credentials.bearer);
        if (token)
          return {
            kind: 'identified',
            identity: {
              kind: 'token',
              name: token.name,
              role: RoleSchema.parse(token.role),
              scope: toScope(token.scope),
              tokenId: token.id,
            },
          };
        return { kind: 'anonymous' };
      }
      if (credentials.sessionId) {
        const session = await liveSession(credentials.sessionId);
        if (session) return { kind: 'identified', identity: sessionIdentity(session) };
      }
      return { kind: 'anonymous' };
    },

    /** Whether an identity seen earlier (an open socket's) still stands. */
    async stillValid(identity: Identity): Promise<boolean> {
      if (identity.tokenId && !tokenLive(identity.tokenId)) return false;
      if (!identity.sessionHash) return true;
      const session = await store.getSession(identity.sessionHash);
      const t = now();
      if (!session || t >= session.expiresAt) return false;
      // An open board is activity: its session does not go idle while the socket is up.
      if (t - session.lastSeenAt >= TOUCH_EVERY_MS) await store.touchSession(session.idHash, t);
      return true;
    },

    /** Local sign-in. A wrong password and an unknown user get the same answer, in the same time. */
    async signIn(username: string, password: string, ip: string): Promise<SignInResult> {
      const userKey = username.trim().toLowerCase();
      const user = await store.getUser(username.trim());
      const actor = user?.name ?? unknownUserActor(userKey, settings.auditKey);
      const limited = limits.check(userKey, ip);
      if (limited) {
        await audit.record({ actor, action: 'sign-in', outcome: 'denied', ip, detail: 'rate limited' });
        return { ok: false, status: 429, reason: TOO_MANY, ...limited };
      }
      const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
      if (!user || !ok) {
        limits.failed(userKey, ip);
        await audit.record({ actor, action: 'sign-in', outcome: 'failed', ip });
        return { ok: false, status: 401, reason: SIGN_IN_REFUSED };
      }
      limits.succeeded(userKey, ip);
      await store.putUser({ ...user, lastSignInAt: now() });
      const started = await startSession('password', user.name, RoleSchema.parse(user.role), user.scope, {
        mustChangePassword: user.mustChangePassword,
      });
      await audit.record({ actor: user.name, action: 'sign-in', ip, detail: 'password' });
      return { ok: true, ...started };
    },

    /** A person signed in at an OpenID Connect provider: a session with the claims' role and scope. */
    async signInOidc(subject: string, role: Role, scope: StoredScope, ip: string) {
      const started = await startSession('oidc', subject, role, scope);
      await audit.record({ actor: subject, action: 'sign-in', ip, detail: 'openid-connect' });
      return started;
    },

    /**
     * A kiosk's `?token=…` exchanged for a session cookie, so the token leaves the address bar: a
     * person-role API token, or the environment's ADMIN_TOKEN or WALLBOARD_TOKEN (bound to its value).
     */
    async tokenSession(bearer: string, ip: string) {
      // A person-role credential of the environment (ADMIN_TOKEN, WALLBOARD_TOKEN) opens pages too,
      // so a kiosk can be given `?token=$WALLBOARD_TOKEN`; machine credentials (ingest, relay) never do.
      const env = settings.envTokens.find((candidate) => sameSecret(bearer, candidate.secret));
      if (env) {
        if (!PersonRoleSchema.safeParse(env.role).success) return undefined;
        const stamp = { tokenId: envStamp(env) };
        const started = await startSession('token', env.name, env.role, { queues: [], groups: [] }, stamp);
        await audit.record({ actor: env.name, action: 'sign-in', ip, detail: 'token' });
        return started;
      }
      const token = await tokens.verify(bearer);
      // A machine's token (ingest, relay, replay, metrics) never becomes a browser session.
      if (!token || !PersonRoleSchema.safeParse(token.role).success) return undefined;
      const started = await startSession('token', token.name, RoleSchema.parse(token.role), token.scope, {
        tokenId: token.id,
      });
      await audit.record({ actor: token.name, action: 'sign-in', ip, detail: 'token' });
      return started;
    },

    /**
     * A kiosk's session (one made from a token) made to last another full session from now, so a
     * wallboard runs for weeks on its bookmark; it still ends when its token is revoked. A person's
     * session is never extended: its end is a limit on a stolen cookie. Returns the new end, or
     * undefined when there is nothing to renew.
     */
    async renewKioskSession(identity: Identity): Promise<number | undefined> {
      if (identity.kind !== 'token' || !identity.sessionHash) return undefined;
      const session = await store.getSession(identity.sessionHash);
      if (!session || session.kind !== 'token') return undefined;
      const t = now();
      const expiresAt = t + settings.sessionMaxMs;
      await store.putSession({ ...session, lastSeenAt: t, expiresAt });
      return expiresAt;
    },

    async signOut(identity: Identity, ip: string): Promise<void> {
      if (identity.sessionHash) await store.deleteSession(identity.sessionHash);
      await audit.record({ actor: identity.name, action: 'sign-out', ip });
    },

    /** A local user's new password; the one-time password of a first sign-in ends here. */
    async changePassword(identity: Identity, current: string, next: string, ip: string) {
      const problem = passwordProblem(next);
      if (problem) return { ok: false as const, status: 400 as const, reason: problem };
      const user = identity.kind === 'password' ? await store.getUser(identity.name) : null;
      if (!user)
        return { ok: false as const, status: 400 as const, reason: 'only a local user has a password here' };
      // The current password is a guess like a sign-in's: held to the same limits.
      const userKey = user.name.toLowerCase();
      const limited = limits.check(userKey, ip);
      if (limited) return { ok: false as const, status: 429 as const, reason: TOO_MANY, ...limited };
      if (!(await verifyPassword(current, user.passwordHash))) {
        limits.failed(userKey, ip);
        await audit.record({ actor: user.name, action: 'password-change', outcome: 'failed', ip });
        return { ok: false as const, status: 403 as const, reason: 'the current password is not right' };
      }
      limits.succeeded(userKey, ip);
      await store.putUser({
        ...user,
        passwordHash: await hashPassword(next),
        mustChangePassword: false,
        updatedAt: now(),
      });
      await store.deleteSessionsOf({ subject: user.name, kind: 'password' });
      const started = await startSession('password', user.name, RoleSchema.parse(user.role), user.scope);
      await audit.record({ actor: user.name, action: 'password-change', ip });
      return { ok: true as const, ...started };
    },

    /** Ends expired and idle sessions in the store (run now and then). */
    async sweep(): Promise<void> {
      const t = now();
      await store.deleteExpiredSessions(t, t - settings.sessionIdleMs);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
