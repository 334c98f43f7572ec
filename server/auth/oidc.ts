import * as client from 'openid-client';
import { z } from 'zod';
import type { StoredScope } from '@/server/store';
import { PersonRoleSchema, type PersonRole } from './roles';

export type OidcSettings = {
  issuer: URL;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  redirectUrl: URL;
  /** Claims read from the ID token (and the userinfo endpoint, when the ID token lacks them). */
  usernameClaim: string;
  roleClaim: string;
  /** Claim values → confwatch roles (e.g. a group or app-role name to `supervisor`). */
  roleMap: ReadonlyMap<string, PersonRole>;
  queuesClaim: string | undefined;
  groupsClaim: string | undefined;
  /** Plain-http issuers are refused unless this is set (the tests' local provider). */
  allowHttp: boolean;
};

/** What the browser carries between the redirect to the provider and the callback (in a signed cookie). */
export const OidcFlowSchema = z.object({
  state: z.string().min(8).max(200),
  nonce: z.string().min(8).max(200),
  verifier: z.string().min(43).max(200),
  next: z.string().max(2_000),
});
export type OidcFlow = z.infer<typeof OidcFlowSchema>;

export type OidcPerson = { subject: string; role: PersonRole; scope: StoredScope };

/**
 * A person the provider signed in whose claims give no confwatch role (`oidc-role`), or, where a
 * scope claim is configured, no queue or group (`oidc-scope`): refused, never let in unscoped.
 */
export class OidcRefusal extends Error {
  constructor(
    readonly subject: string,
    message: string,
    readonly code: 'oidc-role' | 'oidc-scope' = 'oidc-role',
  ) {
    super(message);
  }
}

/** In a scope claim, the value that grants every call (a scope claim that is missing grants none). */
export const EVERY_CALL = '*';

function claimValue(claims: Record<string, unknown>, name: string): unknown {
  return name
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      claims,
    );
}

/**
 * A claim as a list of strings: a list as sent, or one string split on commas only (a queue may be
 * called "Technical support").
 */
export function claimList(claims: Record<string, unknown>, name: string | undefined): string[] {
  if (!name) return [];
  const value = claimValue(claims, name);
  const values = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  return values
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A claim as one string (a name), or the first of a list. */
function claimString(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claimValue(claims, name);
  const first = Array.isArray(value) ? value.find((v) => typeof v === 'string') : value;
  return typeof first === 'string' && first.trim() ? first.trim() : undefined;
}

/** The confwatch role from the role claim: a value that is a role, or one the map names; the highest wins. */
export function roleFromClaims(
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, 'roleClaim' | 'roleMap'>,
): PersonRole | undefined {
  const granted = new Set<PersonRole>();
  for (const value of claimList(claims, settings.roleClaim)) {
    const mapped = settings.roleMap.get(value) ?? PersonRoleSchema.safeParse(value).data;
    if (mapped) granted.add(mapped);
  }
  return (['admin', 'supervisor', 'manager', 'wallboard'] as const).find((r) => granted.has(r));
}

/**
 * Who the claims say the person is: their name, their role, and — when `OIDC_QUEUES_CLAIM` or
 * `OIDC_GROUPS_CLAIM` is set — their scope, which must then list something (or `*` for every call):
 * a claim that is missing or empty refuses the sign-in rather than show every call.
 */
export function personFromClaims(
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, 'usernameClaim' | 'roleClaim' | 'roleMap' | 'queuesClaim' | 'groupsClaim'>,
): OidcPerson {
  const subject = (
    claimString(claims, settings.usernameClaim) ??
    claimString(claims, 'email') ??
    String(claims.sub)
  ).slice(0, 128);
  const role = roleFromClaims(claims, settings);
  if (!role)
    throw new OidcRefusal(
      subject,
      `${subject} has no confwatch role in the "${settings.roleClaim}" claim; ask an administrator`,
    );
  const scopeClaims = [settings.queuesClaim, settings.groupsClaim].filter((c): c is string => !!c);
  const queues = claimList(claims, settings.queuesClaim);
  const groups = claimList(claims, settings.groupsClaim);
  if (scopeClaims.length === 0 || [...queues, ...groups].includes(EVERY_CALL))
    return { subject, role, scope: { queues: [], groups: [] } };
  if (queues.length === 0 && groups.length === 0)
    throw new OidcRefusal(
      subject,
      `${subject} has no queues or groups in the "${scopeClaims.join('" or "')}" claim; ask an administrator`,
      'oidc-scope',
    );
  return { subject, role, scope: { queues, groups } };
}

/**
 * OpenID Connect sign-in with openid-client: the authorization code flow with PKCE, state and
 * nonce. The provider is discovered once, on first use, so a provider that is down at start does
 * not keep the sidecar from starting.
 */
export function createOidc(settings: OidcSettings) {
  let config: Promise<client.Configuration> | undefined;
  const configuration = () =>
    (config ??= client
      .discovery(
        settings.issuer,
        settings.clientId,
        undefined,
        settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
        settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        config = undefined;
        throw error;
      }));

  return {
    /** Where to send the browser, and what it must bring back. */
    async start(next: string): Promise<{ url: URL; flow: OidcFlow }> {
      const flow: OidcFlow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        next,
      };
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: settings.redirectUrl.href,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url, flow };
    },

    /**
     * The person behind a callback (`search`: its query, with code and state), with the role and
     * scope from their claims. The redirect URI sent with the code is the configured one.
     */
    async finish(search: string, flow: OidcFlow): Promise<OidcPerson> {
      const config = await configuration();
      const callbackUrl = new URL(settings.redirectUrl);
      callbackUrl.search = search;
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      let claims: Record<string, unknown> = { ...tokens.claims() };
      const wanted = [settings.roleClaim, settings.usernameClaim, settings.queuesClaim, settings.groupsClaim];
      const missing = wanted.some((c) => c && claimList(claims, c).length === 0);
      if (missing && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(config, tokens.access_token, String(claims.sub));
        claims = { ...info, ...claims };
      }
      return personFromClaims(claims, settings);
    },
  };
}

export type Oidc = ReturnType<typeof createOidc>;
