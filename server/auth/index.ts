import type { Env } from '@/server/env';
import type { Logger } from '@/server/log';
import type { Store } from '@/server/store';
import { createAccounts } from './accounts';
import { createAudit } from './audit';
import { createAuthService } from './auth-service';
import { createOidc, type Oidc } from './oidc';
import { PersonRoleSchema } from './roles';
import { createTokenRegistry } from './token-registry';

/** How often tokens are read again from the store (a revocation takes effect within this). */
export const TOKEN_REFRESH_MS = 5_000;

/**
 * Everything sign-in needs, from the environment: the credentials of the environment (ingest, CCP
 * relay, admin), the store's users and tokens, sessions, the audit log and, when configured,
 * OpenID Connect. `start` begins the refresh that makes CLI changes reach a running sidecar.
 */
export function createAuth(deps: { store: Store; env: Env; log: Logger; now?: () => number }) {
  const { store, env, log } = deps;
  const audit = createAudit(store, log);
  const tokens = createTokenRegistry(store);
  const envTokens = [
    { secret: env.INGEST_TOKEN, name: 'INGEST_TOKEN', role: 'ingest' as const },
    ...(env.CCP_RELAY_TOKEN
      ? [{ secret: env.CCP_RELAY_TOKEN, name: 'CCP_RELAY_TOKEN', role: 'ccp-relay' as const }]
      : []),
    ...(env.ADMIN_TOKEN ? [{ secret: env.ADMIN_TOKEN, name: 'ADMIN_TOKEN', role: 'admin' as const }] : []),
    ...(env.WALLBOARD_TOKEN
      ? [{ secret: env.WALLBOARD_TOKEN, name: 'WALLBOARD_TOKEN', role: 'wallboard' as const }]
      : []),
  ];
  const service = createAuthService({
    ...(deps.now ? { now: deps.now } : {}),
    store,
    tokens,
    audit,
    settings: {
      envTokens,
      sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: env.SESSION_MAX_HOURS * 3_600_000,
      signInPerAddress: env.SIGN_IN_ATTEMPTS_PER_ADDRESS,
      signInPerUser: env.SIGN_IN_ATTEMPTS_PER_USER,
      signInWindowMs: env.SIGN_IN_WINDOW_MINUTES * 60_000,
      auditKey: env.COOKIE_SECRET,
    },
  });
  const oidc: Oidc | undefined =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID
      ? createOidc({
          issuer: new URL(env.OIDC_ISSUER),
          clientId: env.OIDC_CLIENT_ID,
          clientSecret: env.OIDC_CLIENT_SECRET,
          scopes: env.OIDC_SCOPES,
          redirectUrl: new URL(
            env.OIDC_REDIRECT_URL ?? new URL('/api/auth/oidc/callback', env.PUBLIC_URL).href,
          ),
          usernameClaim: env.OIDC_USERNAME_CLAIM,
          roleClaim: env.OIDC_ROLE_CLAIM,
          roleMap: new Map(
            (env.OIDC_ROLE_MAP ?? []).map(([value, role]) => [value, PersonRoleSchema.parse(role)]),
          ),
          queuesClaim: env.OIDC_QUEUES_CLAIM,
          groupsClaim: env.OIDC_GROUPS_CLAIM,
          allowHttp: env.OIDC_ALLOW_HTTP === 'true',
        })
      : undefined;
  let timer: NodeJS.Timeout | undefined;

  return {
    service,
    tokens,
    audit,
    accounts: createAccounts(store),
    oidc,
    async start(): Promise<void> {
      await tokens.refresh();
      timer = setInterval(() => {
        void tokens.refresh().catch((error: unknown) => log.warn({ err: error }, 'token refresh failed'));
        void service.sweep().catch((error: unknown) => log.warn({ err: error }, 'session sweep failed'));
      }, TOKEN_REFRESH_MS);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;
