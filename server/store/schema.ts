import type { Dialect } from './sql-database';

/**
 * The one schema both dialects share: the same tables, columns and indexes, rendered to each
 * dialect's DDL. Bump `SCHEMA_VERSION` with any change and add the migration beside it.
 */
export const SCHEMA_VERSION = 2;

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

/** The summed columns of call_slot, as report-slots.ts computes them. */
export const SLOT_SUMS = [
  'calls',
  'conferences',
  'size3',
  'size4',
  'size5',
  'size6',
  'conference_ms',
  'cap_hits',
  'cl_conflicts',
  'cl_conflict_ms',
  'consult_hold_ms',
  'consult_hold_episodes',
  'consult_hold_longest_ms',
  'external_added',
] as const;

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
  // v2: the report facts of each history record (lib/reports), written in the same transaction.
  {
    name: 'call_report',
    columns: [
      col('id', 'key'),
      col('started_at', 'epoch'),
      /** `started_at` down to its UTC quarter hour: the call_slot it is summed into. */
      col('slot', 'epoch'),
      col('ended_at', 'epoch'),
      col('mode', 'key'),
      col('queue_arn', 'key', true),
      col('queue_name', 'text', true),
      col('size', 'integer'),
      col('cap', 'integer'),
      col('conference', 'integer'),
      col('conference_ms', 'epoch'),
      col('at_cap_ms', 'epoch'),
      col('cap_reached', 'integer'),
      col('cl_conflict_ms', 'epoch'),
      col('cl_conflicts', 'integer'),
      col('consult_hold_ms', 'epoch'),
      col('consult_hold_episodes', 'integer'),
      col('consult_hold_longest_ms', 'epoch'),
      col('external_added', 'integer'),
      col('parties_added', 'integer'),
    ],
    primaryKey: ['id'],
    indexes: [
      { name: 'call_report_started', columns: ['started_at', 'id'] },
      { name: 'call_report_slot', columns: ['slot'] },
    ],
  },
  {
    /**
     * The report sums of the calls that started in one UTC quarter hour, by mode and queue ('' for
     * none): every zone's local day is a run of whole quarter hours, so the daily report of a range
     * sums a few thousand of these instead of scanning every call. Rebuilt for the quarter hours a
     * history write touches, in its transaction.
     */
    name: 'call_slot',
    columns: [
      col('slot', 'epoch'),
      col('mode', 'key'),
      col('queue_arn', 'key'),
      ...SLOT_SUMS.map((name) => col(name, name.endsWith('_ms') ? 'epoch' : 'integer')),
    ],
    primaryKey: ['slot', 'mode', 'queue_arn'],
    // Covering: a range of slots is read from the index alone (SQLite would otherwise fetch each row).
    indexes: [{ name: 'call_slot_cover', columns: ['slot', 'mode', 'queue_arn', ...SLOT_SUMS] }],
  },
  {
    /** Every (queue ARN, name) seen: how a scope or filter naming a queue finds its ARNs. */
    name: 'report_queue',
    columns: [col('arn', 'key'), col('name', 'text')],
    primaryKey: ['arn', 'name'],
    indexes: [{ name: 'report_queue_name', columns: ['name'] }],
  },
  {
    /** Scratch list of the quarter hours one history write touches (emptied before it commits). */
    name: 'call_slot_dirty',
    columns: [col('slot', 'epoch')],
    primaryKey: ['slot'],
    indexes: [],
  },
  {
    /** The keys a caller's scope is matched against (`reportScopeKeys`). */
    name: 'call_scope',
    columns: [col('call_id', 'key'), col('scope_key', 'key')],
    primaryKey: ['call_id', 'scope_key'],
    indexes: [{ name: 'call_scope_key', columns: ['scope_key', 'call_id'] }],
  },
  {
    /** One row per agent and per queue of a call: what the agent and queue filters and `top` read. */
    name: 'call_member',
    columns: [
      col('call_id', 'key'),
      col('kind', 'key'),
      col('member_key', 'key'),
      col('member_name', 'text', true),
      col('started_at', 'epoch'),
      col('conference', 'integer'),
      col('parties_added', 'integer'),
    ],
    primaryKey: ['call_id', 'kind', 'member_key'],
    indexes: [
      { name: 'call_member_started', columns: ['kind', 'started_at'] },
      // The top lists read only this index: every column they sum, in the order they narrow by.
      {
        name: 'call_member_top',
        columns: ['kind', 'conference', 'started_at', 'member_key', 'parties_added', 'member_name'],
      },
      { name: 'call_member_key', columns: ['member_key', 'kind'] },
      { name: 'call_member_name', columns: ['member_name', 'kind'] },
    ],
  },
  {
    /** What a replay needs that the record lacks (lib/reports/picture-changes), as JSON. */
    name: 'history_picture',
    columns: [col('id', 'key'), col('changes', 'text')],
    primaryKey: ['id'],
    indexes: [],
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
