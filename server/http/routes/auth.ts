import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Audit } from '@/server/auth/audit';
import type { AuthService } from '@/server/auth/auth-service';
import { describeScope, type Identity } from '@/server/auth/identity';
import { OidcFlowSchema, OidcRefusal, type Oidc } from '@/server/auth/oidc';
import { CAPABILITIES, can, type Capability } from '@/server/auth/roles';
import { pageCapability } from '@/server/web/page-gate';
import type { SessionInfo } from '@/lib/realtime';
import { safeNextPath } from '@/lib/sign-in/next-path';
import type { Logger } from '@/server/log';
import { HttpError, parseOr400 } from '../http-error';
import { identityOf, SESSION_COOKIE } from '../caller';

export type AuthRouteDeps = {
  auth: AuthService;
  /** Refused pages and failed single sign-ons are written here. */
  audit: Audit;
  oidc: Oidc | undefined;
  /** Shown on the sign-in page's single sign-on button. */
  oidcLabel: string;
  sessionMaxMs: number;
  /** Cookies get `Secure` when the dashboard is served over https. */
  secureCookies: (request: FastifyRequest) => boolean;
  log: Logger;
};

const FLOW_COOKIE = 'confwatch_oidc';

const LoginSchema = z.object({
  username: z.string().trim().min(1, 'enter your user name').max(128),
  password: z.string().min(1, 'enter your password').max(256),
});
const PasswordSchema = z.object({ current: z.string().min(1).max(256), next: z.string().min(1).max(256) });

/** What the browser may know of its own identity. */
function describe(identity: Identity): SessionInfo {
  return {
    name: identity.name,
    role: identity.role,
    kind: identity.kind,
    scope: describeScope(identity.scope),
    mustChangePassword: identity.mustChangePassword === true,
    capabilities: (Object.keys(CAPABILITIES) as Capability[]).filter((c) => can(identity.role, c)),
  };
}

/**
 * Sign-in and the session: local users (POST /api/auth/login), OpenID Connect (start and
 * callback), a kiosk's token exchanged for a cookie, who am I, the password change, and sign-out.
 */
export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const setSession = (request: FastifyRequest, reply: FastifyReply, sessionId: string) =>
    reply.setCookie(SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookies(request),
      path: '/',
      maxAge: Math.floor(deps.sessionMaxMs / 1000),
    });

  app.get('/api/auth/methods', { config: { access: 'public' } }, async () => ({
    password: true,
    oidc: deps.oidc ? { label: deps.oidcLabel, start: '/api/auth/oidc/start' } : null,
  }));

  app.post('/api/auth/login', { config: { access: 'public' }, bodyLimit: 4_096 }, async (request, reply) => {
    const body = parseOr400(LoginSchema, request.body, 'sign-in');
    const result = await deps.auth.signIn(body.username, body.password, request.ip);
    if (!result.ok) {
      if (result.retryAfterSeconds) void reply.header('retry-after', String(result.retryAfterSeconds));
      throw new HttpError(result.status, result.reason);
    }
    setSession(request, reply, result.sessionId);
    return describe(result.identity);
  });

  // The web process asks with `?page=` before it serves a page: a page refused is audited here.
  app.get<{ Querystring: { page?: string } }>(
    '/api/auth/session',
    { config: { access: 'signed-in' } },
    async (request) => {
      const identity = identityOf(request);
      const page = z.string().min(1).max(2_000).safeParse(request.query.page);
      const needs = page.success ? (pageCapability(page.data) as Capability) : undefined;
      if (needs && !identity.mustChangePassword && !can(identity.role, needs))
        await deps.audit.record({
          actor: identity.name,
          action: 'denied',
          outcome: 'denied',
          target: `page ${page.data}`,
          ip: request.ip,
          detail: `role ${identity.role} lacks ${needs}`,
        });
      return describe(identity);
    },
  );

  // A wallboard's kiosk session lasts as long as it is in use (and its token stands): the page asks hourly.
  app.post('/api/auth/session/renew', { config: { access: 'signed-in' } }, async (request, reply) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    const expiresAt = sessionId ? await deps.auth.renewKioskSession(identityOf(request)) : undefined;
    if (expiresAt === undefined || !sessionId) return { renewed: false };
    setSession(request, reply, sessionId);
    return { renewed: true, expiresAt: new Date(expiresAt).toISOString() };
  });

  app.post(
    '/api/auth/password',
    { config: { access: 'signed-in' }, bodyLimit: 4_096 },
    async (request, reply) => {
      const body = parseOr400(PasswordSchema, request.body, 'password change');
      const result = await deps.auth.changePassword(identityOf(request), body.current, body.next, request.ip);
      if (!result.ok) {
        if ('retryAfterSeconds' in result) void reply.header('retry-after', String(result.retryAfterSeconds));
        throw new HttpError(result.status, result.reason);
      }
      setSession(request, reply, result.sessionId);
      return describe(result.identity);
    },
  );

  app.post('/api/auth/logout', { config: { access: 'signed-in' } }, async (request, reply) => {
    await deps.auth.signOut(identityOf(request), request.ip);
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send();
  });

  // A kiosk opens /wallboard?token=…: the web process sends it here, and it comes back with a cookie.
  app.get<{ Querystring: { token?: string; next?: string } }>(
    '/api/auth/token',
    { config: { access: 'public' } },
    async (request, reply) => {
      const next = safeNextPath(request.query.next);
      const started =
        typeof request.query.token === 'string' && request.query.token
          ? await deps.auth.tokenSession(request.query.token, request.ip)
          : undefined;
      if (!started) return reply.redirect(`/login?error=token&next=${encodeURIComponent(next)}`, 303);
      setSession(request, reply, started.sessionId);
      return reply.redirect(next, 303);
    },
  );

  const oidc = deps.oidc;
  if (!oidc) return;
  app.get<{ Querystring: { next?: string } }>(
    '/api/auth/oidc/start',
    { config: { access: 'public' } },
    async (request, reply) => {
      const { url, flow } = await oidc.start(safeNextPath(request.query.next));
      void reply.setCookie(FLOW_COOKIE, JSON.stringify(flow), {
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.secureCookies(request),
        path: '/api/auth/oidc',
        maxAge: 600,
        signed: true,
      });
      return reply.redirect(url.href, 302);
    },
  );

  app.get('/api/auth/oidc/callback', { config: { access: 'public' } }, async (request, reply) => {
    const raw = request.cookies[FLOW_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    void reply.clearCookie(FLOW_COOKIE, { path: '/api/auth/oidc' });
    const flow = unsigned?.valid ? OidcFlowSchema.safeParse(JSON.parse(unsigned.value ?? 'null')) : undefined;
    if (!flow?.success) {
      await deps.audit.record({
        actor: 'openid-connect',
        action: 'sign-in',
        outcome: 'failed',
        ip: request.ip,
        detail: 'the sign-in took too long or was started elsewhere (no valid flow cookie)',
      });
      return reply.redirect('/login?error=oidc-expired', 303);
    }
    try {
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const person = await oidc.finish(search, flow.data);
      const started = await deps.auth.signInOidc(person.subject, person.role, person.scope, request.ip);
      setSession(request, reply, started.sessionId);
      return reply.redirect(safeNextPath(flow.data.next), 303);
    } catch (error) {
      deps.log.warn({ err: error }, 'OpenID Connect sign-in failed');
      await deps.audit.record({
        actor: error instanceof OidcRefusal ? error.subject : 'openid-connect',
        action: 'sign-in',
        outcome: error instanceof OidcRefusal ? 'denied' : 'failed',
        ip: request.ip,
        detail: `openid-connect: ${(error as Error).message}`,
      });
      return reply.redirect(`/login?error=${error instanceof OidcRefusal ? error.code : 'oidc'}`, 303);
    }
  });
}
