export type Dialect = 'sqlite' | 'postgres';

export type SqlParam = string | number | boolean | null;

/** SQL written once for both dialects: `?` placeholders, no dialect-only syntax. */
export type SqlStatement = { sql: string; params: readonly SqlParam[] };

export type SqlRow = Record<string, unknown>;

export type TransactOptions = {
  /**
   * Writers that pass the same name run one at a time, across processes too. The event log needs
   * this: PostgreSQL hands out seq values before commit, so two overlapping appends could commit
   * out of seq order and a reader paging by seq would skip the later-committing one.
   */
  serializeOn?: string;
};

/** The little a store needs from a database: reads, and writes that commit all or nothing. */
export type SqlDatabase = {
  readonly dialect: Dialect;
  all(statement: SqlStatement): Promise<SqlRow[]>;
  /** Runs the statements in one transaction; resolves with the rows each changed, once committed. */
  transact(statements: readonly SqlStatement[], options?: TransactOptions): Promise<number[]>;
  close(): Promise<void>;
};

/** A statement from SQL text and its parameters, in placeholder order. */
export function sql(text: string, ...params: SqlParam[]): SqlStatement {
  return { sql: text, params };
}

/** `?, ?, ?` for an IN list or a VALUES row. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** Splits a list into chunks so no statement exceeds a dialect's parameter limit. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
