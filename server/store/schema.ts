import type { Dialect } from './sql-database';

/**
 * The one schema both dialects share: the same tables, columns and indexes, rendered to each
 * dialect's DDL. Bump `SCHEMA_VERSION` with any change and add the migration beside it.
 */
export const SCHEMA_VERSION = 1;

/**
 * `key` is text compared byte-wise in both dialects (PostgreSQL's default collation would sort ids
 * differently from SQLite); `epoch` is milliseconds, which need 64 bits.
 */
type ColumnType = 'seq' | 'epoch' | 'integer' | 'text' | 'key' | 'boolean';
type Column = { name: string; type: ColumnType; nullable?: boolean };
type Table = {
  name: string;
  columns: Column[];
  primaryKey?: string[];
  indexes: { name: string; columns: string[] }[];
};

const col = (name: string, type: ColumnType, nullable = false): Column => ({ name, type, nullable });

const VERSION_TABLE: Table = {
  name: 'schema_version',
  columns: [col('version', 'integer')],
  primaryKey: ['version'],
  indexes: [],
};

const TABLES: Table[] = [
  VERSION_TABLE,
  {
    name: 'event_log',
    columns: [col('seq', 'seq'), col('root_id', 'key'), col('received_at', 'epoch'), col('event', 'text')],
    indexes: [{ name: 'event_log_root', columns: ['root_id', 'received_at'] }],
  },
  {
    name: 'history',
    columns: [
      col('id', 'key'),
      col('started_at', 'epoch'),
      col('ended_at', 'epoch'),
      col('archived_at', 'epoch'),
      col('mode', 'key'),
      col('queue_arn', 'key', true),
      col('queue_name', 'text', true),
      col('peak_participants', 'integer'),
      col('contact_lens', 'boolean'),
      col('end_reason', 'key', true),
      col('alert_kinds', 'text'),
      col('record', 'text'),
    ],
    primaryKey: ['id'],
    indexes: [
      { name: 'history_ended', columns: ['ended_at', 'id'] },
      { name: 'history_started', columns: ['started_at'] },
      { name: 'history_queue', columns: ['queue_arn', 'ended_at'] },
      { name: 'history_archived', columns: ['archived_at'] },
    ],
  },
  {
    // Event log rows that failed to restore, set aside so the store always starts (kept for a person).
    name: 'event_quarantine',
    columns: [
      col('seq', 'epoch'),
      col('root_id', 'key'),
      col('received_at', 'epoch'),
      col('event', 'text'),
      col('reason', 'text'),
      col('quarantined_at', 'epoch'),
    ],
    primaryKey: ['seq'],
    indexes: [],
  },
  {
    name: 'users',
    columns: [
      col('name', 'key'),
      col('password_hash', 'text'),
      col('role', 'key'),
      col('scope', 'text'),
      col('must_change', 'boolean'),
      col('created_at', 'epoch'),
      col('updated_at', 'epoch'),
      col('last_sign_in_at', 'epoch', true),
    ],
    primaryKey: ['name'],
    indexes: [],
  },
  {
    name: 'api_tokens',
    columns: [
      col('id', 'key'),
      col('name', 'text'),
      col('role', 'key'),
      col('scope', 'text'),
      col('secret_hash', 'key'),
      col('created_at', 'epoch'),
      col('created_by', 'text'),
      col('revoked_at', 'epoch', true),
    ],
    primaryKey: ['id'],
    indexes: [],
  },
  {
    name: 'sessions',
    columns: [
      col('id_hash', 'key'),
      col('kind', 'key'),
      col('subject', 'key'),
      col('role', 'key'),
      col('scope', 'text'),
      col('token_id', 'key', true),
      col('must_change', 'boolean'),
      col('created_at', 'epoch'),
      col('last_seen_at', 'epoch'),
      col('expires_at', 'epoch'),
    ],
    primaryKey: ['id_hash'],
    indexes: [
      { name: 'sessions_subject', columns: ['subject', 'kind'] },
      { name: 'sessions_token', columns: ['token_id'] },
    ],
  },
  {
    name: 'audit_log',
    columns: [
      col('seq', 'seq'),
      col('at', 'epoch'),
      col('actor', 'text'),
      col('action', 'key'),
      col('target', 'text', true),
      col('outcome', 'key'),
      col('ip', 'text', true),
      col('detail', 'text', true),
    ],
    indexes: [],
  },
  {
    name: 'alert_ack',
    columns: [
      col('conference_id', 'key'),
      col('kind', 'key'),
      col('raised_at', 'epoch'),
      col('acked_by', 'text'),
      col('acked_at', 'epoch'),
    ],
    primaryKey: ['conference_id', 'kind', 'raised_at'],
    indexes: [],
  },
];

const TYPES: Record<Dialect, Record<ColumnType, (name: string) => string>> = {
  sqlite: {
    seq: () => 'INTEGER PRIMARY KEY AUTOINCREMENT',
    epoch: () => 'INTEGER',
    integer: () => 'INTEGER',
    text: () => 'TEXT',
    key: () => 'TEXT',
    boolean: (name) => `INTEGER CHECK (${name} IN (0, 1))`,
  },
  postgres: {
    seq: () => 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    epoch: () => 'BIGINT',
    integer: () => 'INTEGER',
    text: () => 'TEXT',
    key: () => 'TEXT COLLATE "C"',
    boolean: () => 'BOOLEAN',
  },
};

/** The `CREATE … IF NOT EXISTS` statements for one table, so running them again changes nothing. */
function renderTable(dialect: Dialect, table: Table): string[] {
  const columns = table.columns.map(
    (c) => `${c.name} ${TYPES[dialect][c.type](c.name)}${c.nullable ? '' : ' NOT NULL'}`,
  );
  if (table.primaryKey) columns.push(`PRIMARY KEY (${table.primaryKey.join(', ')})`);
  return [
    `CREATE TABLE IF NOT EXISTS ${table.name} (${columns.join(', ')})`,
    ...table.indexes.map(
      (i) => `CREATE INDEX IF NOT EXISTS ${i.name} ON ${table.name} (${i.columns.join(', ')})`,
    ),
  ];
}

/** Every table of the current schema, by name. */
export const TABLE_NAMES: readonly string[] = TABLES.map((t) => t.name);

/** DDL for the version table alone: it is read before anything else is created. */
export function renderVersionTable(dialect: Dialect): string[] {
  return renderTable(dialect, VERSION_TABLE);
}

/** DDL for every table of the current schema version. */
export function renderSchema(dialect: Dialect): string[] {
  return TABLES.flatMap((t) => renderTable(dialect, t));
}
