import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  AuditPageSchema,
  TokenViewSchema,
  UserViewSchema,
  type AuditAction,
  type AuditPage,
  type TokenView,
  type UserView,
} from '@/lib/realtime';

/** The administrator's query keys, written here and nowhere else. */
const keys = {
  audit: (filter: AuditFilter, before: number | null) => ['admin', 'audit', filter, before] as const,
  users: ['admin', 'users'] as const,
  tokens: ['admin', 'tokens'] as const,
};

/** Which entries of the audit log to show: one kind, one user, or all. */
export type AuditFilter = { action: AuditAction | null; actor: string | null };

export const AUDIT_PAGE_SIZE = 50;

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return schema.parse(await response.json());
}

/** One page of the audit log, newest first; `before` is the previous page's `next`. */
export const auditPageQuery = (filter: AuditFilter, before: number | null) =>
  queryOptions<AuditPage>({
    queryKey: keys.audit(filter, before),
    queryFn: () => {
      const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
      if (filter.action) query.set('action', filter.action);
      if (filter.actor) query.set('actor', filter.actor);
      if (before !== null) query.set('before', String(before));
      return getJson(`/api/audit?${query}`, AuditPageSchema);
    },
    // The first page shows what happened since: ask again now and then.
    refetchInterval: before === null ? 15_000 : false,
    placeholderData: keepPreviousData,
  });

const UsersSchema = z.object({ users: z.array(UserViewSchema) });
const TokensSchema = z.object({ tokens: z.array(TokenViewSchema) });

/** The local users (read-only here; `npm run user` and the admin API change them). */
export const usersQuery = () =>
  queryOptions<UserView[]>({
    queryKey: keys.users,
    queryFn: async () => (await getJson('/api/admin/users', UsersSchema)).users,
  });

/** The API tokens, revoked ones included. */
export const tokensQuery = () =>
  queryOptions<TokenView[]>({
    queryKey: keys.tokens,
    queryFn: async () => (await getJson('/api/admin/tokens', TokensSchema)).tokens,
  });
