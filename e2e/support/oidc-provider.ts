import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** Claims each test person carries (besides `sub` and `preferred_username`, their login). */
export type OidcPeople = Record<string, Record<string, unknown>>;

export type LocalOidcProvider = { issuer: string; close(): Promise<void> };

export const OIDC_CLIENT_ID = 'confwatch-e2e';
export const OIDC_CLIENT_SECRET = 'e2e-oidc-client-secret-0123456789';
/** The scope that carries confwatch's claims at this provider (as a group or app-role scope would). */
export const OIDC_SCOPES = 'openid profile confwatch';

/**
 * A real OpenID provider (`oidc-provider`) on a free local port, for the browser tests: one
 * confidential client for confwatch, the provider's own development sign-in form (any password
 * works; the login names the person), and consent granted without asking.
 */
export async function startOidcProvider(redirectUri: string, people: OidcPeople): Promise<LocalOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    scopes: ['openid', 'profile', 'confwatch'],
    claims: { openid: ['sub'], profile: ['preferred_username'], confwatch: ['roles', 'queues', 'groups'] },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, preferred_username: sub, ...(people[sub] ?? {}) }),
    }),
    cookies: { keys: ['e2e-oidc-cookie-key-0123456789'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    // Consent is not what is tested: every scope the client asks for is granted at once.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const oidc = ctx.oidc;
      const existing = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
      if (existing) return oidc.provider.Grant.find(existing);
      const grant = new oidc.provider.Grant({
        clientId: oidc.client!.clientId,
        accountId: oidc.session!.accountId!,
      });
      grant.addOIDCScope(OIDC_SCOPES);
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
