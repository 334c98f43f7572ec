import { z } from 'zod';
import {
  SessionRecordSchema,
  StoredScopeSchema,
  TokenRecordSchema,
  UserRecordSchema,
  type SessionRecord,
  type TokenRecord,
  type UserRecord,
} from './auth-records';
import { dbInteger, parseJsonColumn } from './db-rows';
import { CorruptRowError, parseInput } from './errors';
import { sql, type SqlDatabase, type SqlRow } from './sql-database';

/** A boolean column: SQLite answers 0/1, PostgreSQL true/false. */
const dbBoolean = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform(Boolean);
const nullableInteger = dbInteger.nullable();

function scopeOf(table: string, key: string, text: unknown) {
  const parsed = parseJsonColumn(StoredScopeSchema, text);
  if (!parsed.ok) throw new CorruptRowError(table, key, parsed.reason);
  return parsed.value;
}

function rowOrCorrupt<T>(schema: z.ZodType<T>, table: string, key: string, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CorruptRowError(table, key, parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

// Users ----------------------------------------------------------------------------------------

export async function putUser(db: SqlDatabase, user: UserRecord): Promise<void> {
  const u = parseInput(UserRecordSchema, user, 'putUser');
  await db.transact([
    sql(
      `INSERT INTO users (name, password_hash, role, scope, must_change, created_at, updated_at, last_sign_in_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role,
         scope = excluded.scope, must_change = excluded.must_change, updated_at = excluded.updated_at,
         last_sign_in_at = excluded.last_sign_in_at`,
      u.name,
      u.passwordHash,
      u.role,
      JSON.stringify(u.scope),
      u.mustChangePassword,
      u.createdAt,
      u.updatedAt,
      u.lastSignInAt,
    ),
  ]);
}

function toUser(row: SqlRow): UserRecord {
  const key = String(row.name);
  return rowOrCorrupt(UserRecordSchema, 'users', key, {
    name: row.name,
    passwordHash: row.password_hash,
    role: row.role,
    scope: scopeOf('users', key, row.scope),
    mustChangePassword: dbBoolean.parse(row.must_change),
    createdAt: dbInteger.parse(row.created_at),
    updatedAt: dbInteger.parse(row.updated_at),
    lastSignInAt: nullableInteger.parse(row.last_sign_in_at),
  });
}

export async function getUser(db: SqlDatabase, name: string): Promise<UserRecord | null> {
  const rows = await db.all(sql('SELECT * FROM users WHERE name = ?', name));
  return rows[0] ? toUser(rows[0]) : null;
}

export async function listUsers(db: SqlDatabase): Promise<UserRecord[]> {
  return (await db.all(sql('SELECT * FROM users ORDER BY name'))).map(toUser);
}

export async function deleteUser(db: SqlDatabase, name: string): Promise<boolean> {
  const [count] = await db.transact([sql('DELETE FROM users WHERE name = ?', name)]);
  return (count ?? 0) > 0;
}

// API tokens -----------------------------------------------------------------------------------

export async function putToken(db: SqlDatabase, token: TokenRecord): Promise<void> {
  const t = parseInput(TokenRecordSchema, token, 'putToken');
  await db.transact([
    sql(
      `INSERT INTO api_tokens (id, name, role, scope, secret_hash, created_at, created_by, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      t.id,
      t.name,
      t.role,
      JSON.stringify(t.scope),
      t.secretHash,
      t.createdAt,
      t.createdBy,
      t.revokedAt,
    ),
  ]);
}

function toToken(row: SqlRow): TokenRecord {
  const key = String(row.id);
  return rowOrCorrupt(TokenRecordSchema, 'api_tokens', key, {
    id: row.id,
    name: row.name,
    role: row.role,
    scope: scopeOf('api_tokens', key, row.scope),
    secretHash: row.secret_hash,
    createdAt: dbInteger.parse(row.created_at),
    createdBy: row.created_by,
    revokedAt: nullableInteger.parse(row.revoked_at),
  });
}

export async function getToken(db: SqlDatabase, id: string): Promise<TokenRecord | null> {
  const rows = await db.all(sql('SELECT * FROM api_tokens WHERE id = ?', id));
  return rows[0] ? toToken(rows[0]) : null;
}

export async function listTokens(db: SqlDatabase): Promise<TokenRecord[]> {
  return (await db.all(sql('SELECT * FROM api_tokens ORDER BY created_at, id'))).map(toToken);
}

/** Marks a token revoked (once); false when there is no such live token. */
export async function revokeToken(db: SqlDatabase, id: string, at: number): Promise<boolean> {
  const [count] = await db.transact([
    sql('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', at, id),
  ]);
  return (count ?? 0) > 0;
}

// Sessions -------------------------------------------------------------------------------------

export async function putSession(db: SqlDatabase, session: SessionRecord): Promise<void> {
  const s = parseInput(SessionRecordSchema, session, 'putSession');
  await db.transact([
    sql(
      `INSERT INTO sessions (id_hash, kind, subject, role, scope, token_id, must_change, created_at, last_seen_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id_hash) DO UPDATE SET must_change = excluded.must_change, last_seen_at = excluded.last_seen_at, expires_at = excluded.expires_at`,
      s.idHash,
      s.kind,
      s.subject,
      s.role,
      JSON.stringify(s.scope),
      s.tokenId,
      s.mustChangePassword,
      s.createdAt,
      s.lastSeenAt,
      s.expiresAt,
    ),
  ]);
}

function toSession(row: SqlRow): SessionRecord {
  const key = String(row.id_hash).slice(0, 12);
  return rowOrCorrupt(SessionRecordSchema, 'sessions', key, {
    idHash: row.id_hash,
    kind: row.kind,
    subject: row.subject,
    role: row.role,
    scope: scopeOf('sessions', key, row.scope),
    tokenId: row.token_id ?? null,
    mustChangePassword: dbBoolean.parse(row.must_change),
    createdAt: dbInteger.parse(row.created_at),
    lastSeenAt: dbInteger.parse(row.last_seen_at),
    expiresAt: dbInteger.parse(row.expires_at),
  });
}

export async function getSession(db: SqlDatabase, idHash: string): Promise<SessionRecord | null> {
  const rows = await db.all(sql('SELECT * FROM sessions WHERE id_hash = ?', idHash));
  return rows[0] ? toSession(rows[0]) : null;
}

export async function touchSession(db: SqlDatabase, idHash: string, at: number): Promise<void> {
  await db.transact([sql('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?', at, idHash)]);
}

export async function deleteSession(db: SqlDatabase, idHash: string): Promise<void> {
  await db.transact([sql('DELETE FROM sessions WHERE id_hash = ?', idHash)]);
}

/** Ends every session of a person (a removed user, a changed password) or of a token. */
export async function deleteSessionsOf(
  db: SqlDatabase,
  by: { subject: string; kind: 'password' | 'oidc' } | { tokenId: string },
): Promise<number> {
  const statement =
    'tokenId' in by
      ? sql('DELETE FROM sessions WHERE token_id = ?', by.tokenId)
      : sql('DELETE FROM sessions WHERE subject = ? AND kind = ?', by.subject, by.kind);
  const [count] = await db.transact([statement]);
  return count ?? 0;
}

/** Sessions past their absolute end, or idle since before `idleBefore`. */
export async function deleteExpiredSessions(
  db: SqlDatabase,
  now: number,
  idleBefore: number,
): Promise<number> {
  const [count] = await db.transact([
    sql(
      "DELETE FROM sessions WHERE expires_at <= ? OR (kind <> 'token' AND last_seen_at < ?)",
      now,
      idleBefore,
    ),
  ]);
  return count ?? 0;
}
