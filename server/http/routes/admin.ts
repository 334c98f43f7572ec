import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AccountError, type Accounts } from '@/server/auth/accounts';
import type { Audit, AuditAction } from '@/server/auth/audit';
import type { Store, TokenRecord, UserRecord } from '@/server/store';
import { AuditActionSchema, type AuditPage, type TokenView, type UserView } from '@/lib/realtime';
import { identityOf } from '../caller';
import { HttpError, parseOr400 } from '../http-error';

export type AdminRouteDeps = { accounts: Accounts; audit: Audit; store: Pick<Store, 'listAudit'> };

const list = z.array(z.string().trim().min(1).max(512)).max(500).optional();
const NewUserSchema = z.strictObject({
  name: z.string().min(1).max(128),
  role: z.string().min(1).max(32),
  queues: list,
  groups: list,
  password: z.string().min(1).max(256).optional(),
});
const PasswordSchema = z.strictObject({ password: z.string().min(1).max(256).optional() });
const NewTokenSchema = z.strictObject({
  role: z.string().min(1).max(32),
  name: z.string().trim().min(1).max(128).optional(),
  queues: list,
  groups: list,
});
const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
  before: z.coerce.number().int().positive().optional(),
  action: AuditActionSchema.optional(),
  actor: z.string().trim().min(1).max(256).optional(),
});

/** What an administrator sees of a user: never the hash. */
const showUser = (u: UserRecord): UserView => ({
  name: u.name,
  role: u.role,
  queues: u.scope.queues,
  groups: u.scope.groups,
  mustChangePassword: u.mustChangePassword,
  createdAt: new Date(u.createdAt).toISOString(),
  lastSignInAt: u.lastSignInAt === null ? null : new Date(u.lastSignInAt).toISOString(),
});

/** What an administrator sees of a token: never the secret or its digest. */
const showToken = (t: TokenRecord): TokenView => ({
  id: t.id,
  name: t.name,
  role: t.role,
  queues: t.scope.queues,
  groups: t.scope.groups,
  createdAt: new Date(t.createdAt).toISOString(),
  createdBy: t.createdBy,
  revokedAt: t.revokedAt === null ? null : new Date(t.revokedAt).toISOString(),
});

/**
 * Users, API tokens and the audit log, for administrators (the same operations as `npm run user`
 * and `npm run token`). Every change is audited with who made it.
 */
export function registerAdminRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  const access = { capability: 'admin' as const };
  /** Runs an account change, audits it, and turns a refused one into its 4xx. */
  async function change<T>(
    request: FastifyRequest,
    action: AuditAction,
    target: string,
    run: () => Promise<T>,
  ) {
    const actor = identityOf(request).name;
    try {
      const result = await run();
      await deps.audit.record({ actor, action, target, ip: request.ip });
      return result;
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      await deps.audit.record({
        actor,
        action,
        target,
        ip: request.ip,
        outcome: 'failed',
        detail: error.message,
      });
      throw new HttpError(error.status, error.message);
    }
  }

  app.get('/api/admin/users', { config: { access } }, async () => ({
    users: (await deps.accounts.listUsers()).map(showUser),
  }));

  app.post('/api/admin/users', { config: { access }, bodyLimit: 16_384 }, async (request, reply) => {
    const body = parseOr400(NewUserSchema, request.body, 'user');
    const added = await change(request, 'user-add', body.name, () => deps.accounts.addUser(body));
    return reply.code(201).send({
      user: showUser(added.user),
      ...(added.generatedPassword ? { generatedPassword: added.generatedPassword } : {}),
    });
  });

  app.post<{ Params: { name: string } }>(
    '/api/admin/users/:name/password',
    { config: { access }, bodyLimit: 4_096 },
    async (request) => {
      const body = parseOr400(PasswordSchema, request.body ?? {}, 'password');
      return change(request, 'user-passwd', request.params.name, () =>
        deps.accounts.passwd(request.params.name, body.password),
      );
    },
  );

  app.delete<{ Params: { name: string } }>(
    '/api/admin/users/:name',
    { config: { access } },
    async (request, reply) => {
      await change(request, 'user-remove', request.params.name, () =>
        deps.accounts.removeUser(request.params.name),
      );
      return reply.code(204).send();
    },
  );

  app.get('/api/admin/tokens', { config: { access } }, async () => ({
    tokens: (await deps.accounts.listTokens()).map(showToken),
  }));

  app.post('/api/admin/tokens', { config: { access }, bodyLimit: 16_384 }, async (request, reply) => {
    const body = parseOr400(NewTokenSchema, request.body, 'token');
    const createdBy = identityOf(request).name;
    const created = await change(request, 'token-create', body.name ?? body.role, () =>
      deps.accounts.createToken({ ...body, createdBy }),
    );
    return reply.code(201).send({ token: created.token, ...showToken(created.record) });
  });

  app.delete<{ Params: { id: string } }>(
    '/api/admin/tokens/:id',
    { config: { access } },
    async (request, reply) => {
      await change(request, 'token-revoke', request.params.id, () =>
        deps.accounts.revokeToken(request.params.id),
      );
      return reply.code(204).send();
    },
  );

  app.get('/api/audit', { config: { access } }, async (request): Promise<AuditPage> => {
    const query = parseOr400(AuditQuerySchema, request.query, 'query');
    const entries = await deps.store.listAudit({
      limit: query.limit,
      beforeSeq: query.before,
      action: query.action,
      actor: query.actor,
    });
    return {
      entries: entries.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
      next: entries.length === query.limit ? (entries.at(-1)?.seq ?? null) : null,
    };
  });
}
