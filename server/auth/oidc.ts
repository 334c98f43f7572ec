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

/** A person the provider signed in whose claims give no confwatch role. */
export class OidcRefusal extends Error {
  constructor(
    readonly subject: string,
    message: string,
  ) {
    super(message);
  }
}

/** A claim as a list of strings (providers send one string, a list, or a space-separated string). */
function claimList(claims: Record<string, unknown>, name: string | undefined): string[] {
  if (!name) return [];
  const value = name
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      claims,
    );
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
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
      const missing = [settings.roleClaim, settings.usernameClaim].some(
        (c) => claimList(claims, c).length === 0,
      );
      if (missing && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(config, tokens.access_token, String(claims.sub));
        claims = { ...info, ...claims };
      }
      const subject =
        claimList(claims, settings.usernameClaim)[0] ?? claimList(claims, 'email')[0] ?? String(claims.sub);
      const role = roleFromClaims(claims, settings);
      if (!role)
        throw new OidcRefusal(
          subject.slice(0, 128),
          `${subject} has no confwatch role in the "${settings.roleClaim}" claim; ask an administrator`,
        );
      return {
        subject: subject.slice(0, 128),
        role,
        scope: {
          queues: claimList(claims, settings.queuesClaim),
          groups: claimList(claims, settings.groupsClaim),
        },
      };
    },
  };
}

export type Oidc = ReturnType<typeof createOidc>;
