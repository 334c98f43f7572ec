import type { StoredScope, Store, TokenRecord, UserRecord } from '@/server/store';
import { generatePassword, hashPassword, passwordProblem } from './passwords';
import { PersonRoleSchema, RoleSchema, type PersonRole, type Role } from './roles';
import { digest, generateToken, parseToken } from './secrets';

/** A refused account change, worded for a person (the CLI prints it, the API answers 400/404). */
export class AccountError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

function checkName(name: string): string {
  if (!NAME.test(name))
    throw new AccountError(`"${name}" is not a user name: letters, digits and . _ @ -, at most 128`);
  return name;
}

function checkScope(queues: readonly string[] = [], groups: readonly string[] = []): StoredScope {
  const clean = (list: readonly string[]) => [...new Set(list.map((s) => s.trim()).filter(Boolean))];
  return { queues: clean(queues), groups: clean(groups) };
}

export type NewUser = { name: string; role: string; queues?: string[]; groups?: string[]; password?: string };

/**
 * Users and tokens, for the CLI (`npm run user`, `npm run token`) and the admin API alike, against
 * whatever store confwatch runs on; the running sidecar sees the changes at once (tokens within
 * its refresh interval for a revocation).
 */
export function createAccounts(store: Store, now: () => number = Date.now) {
  async function setPassword(user: UserRecord, password: string, mustChange: boolean): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new AccountError(problem);
    await store.putUser({
      ...user,
      passwordHash: await hashPassword(password),
      mustChangePassword: mustChange,
      updatedAt: now(),
    });
    await store.deleteSessionsOf({ subject: user.name, kind: 'password' });
  }

  return {
    /** Adds a user; without a password one is generated, returned once, and must be changed. */
    async addUser(input: NewUser): Promise<{ user: UserRecord; generatedPassword?: string }> {
      const name = checkName(input.name);
      const role = PersonRoleSchema.safeParse(input.role);
      if (!role.success) throw new AccountError(`role must be one of ${PersonRoleSchema.options.join(', ')}`);
      if (await store.getUser(name)) throw new AccountError(`there is already a user ${name}`, 409);
      const generated = input.password === undefined ? generatePassword() : undefined;
      const password = input.password ?? generated!;
      const problem = passwordProblem(password);
      if (problem) throw new AccountError(problem);
      const user: UserRecord = {
        name,
        passwordHash: await hashPassword(password),
        role: role.data,
        scope: checkScope(input.queues, input.groups),
        mustChangePassword: generated !== undefined,
        createdAt: now(),
        updatedAt: now(),
        lastSignInAt: null,
      };
      await store.putUser(user);
      return generated ? { user, generatedPassword: generated } : { user };
    },

    /** A new password for a user (generated when not given: then it must be changed at sign-in). */
    async passwd(name: string, password?: string): Promise<{ generatedPassword?: string }> {
      const user = await store.getUser(name);
      if (!user) throw new AccountError(`there is no user ${name}`, 404);
      const generated = password === undefined ? generatePassword() : undefined;
      await setPassword(user, password ?? generated!, generated !== undefined);
      return generated ? { generatedPassword: generated } : {};
    },

    async removeUser(name: string): Promise<void> {
      if (!(await store.deleteUser(name))) throw new AccountError(`there is no user ${name}`, 404);
      await store.deleteSessionsOf({ subject: name, kind: 'password' });
    },

    listUsers: () => store.listUsers(),

    /** A new API token; the secret is returned once and only its digest is kept. */
    async createToken(input: {
      role: string;
      name?: string;
      queues?: string[];
      groups?: string[];
      createdBy: string;
    }): Promise<{ record: TokenRecord; token: string }> {
      const role = RoleSchema.safeParse(input.role);
      if (!role.success) throw new AccountError(`role must be one of ${RoleSchema.options.join(', ')}`);
      const { id, token } = generateToken();
      const record: TokenRecord = {
        id,
        name: (input.name?.trim() || `${role.data} token ${id}`).slice(0, 128),
        role: role.data,
        scope: checkScope(input.queues, input.groups),
        secretHash: digest(parseToken(token)!.secret),
        createdAt: now(),
        createdBy: input.createdBy,
        revokedAt: null,
      };
      await store.putToken(record);
      return { record, token };
    },

    async revokeToken(id: string): Promise<void> {
      if (!(await store.revokeToken(id, now()))) throw new AccountError(`there is no live token ${id}`, 404);
      await store.deleteSessionsOf({ tokenId: id });
    },

    listTokens: () => store.listTokens(),

    /**
     * A first start has no user: make `admin` with a one-time password to print. Until someone
     * signs in with it, each start makes a new one, so the password on the screen always works.
     */
    async bootstrapAdmin(): Promise<string | undefined> {
      const users = await store.listUsers();
      if (users.length === 0) return (await this.addUser({ name: 'admin', role: 'admin' })).generatedPassword;
      const admin = users.find((u) => u.name === 'admin');
      if (users.length === 1 && admin?.mustChangePassword && admin.lastSignInAt === null)
        return (await this.passwd('admin')).generatedPassword;
      return undefined;
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
export type { PersonRole, Role };
