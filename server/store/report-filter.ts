import { z } from 'zod';
import { ConferenceModeSchema } from '@/lib/conference';
import type { ConferenceMode } from '@/lib/conference';
import { placeholders, type SqlParam } from './sql-database';

/**
 * What every report query is narrowed by: the caller's scope (as the keys it admits, see
 * `scopeFilterKeys`), and the optional queue, agent and mode filters. A queue or agent is matched
 * by ARN or by name.
 */
export type ReportFilter = {
  scopeKeys: 'all' | readonly string[];
  queue?: string;
  agent?: string;
  mode?: ConferenceMode;
};

const text = z.string().min(1).max(512);
export const ReportFilterSchema: z.ZodType<ReportFilter> = z.strictObject({
  scopeKeys: z.union([z.literal('all'), z.array(text).max(5_000)]),
  queue: text.optional(),
  agent: text.optional(),
  mode: ConferenceModeSchema.optional(),
});

/** The WHERE clauses (on `call_report r`) and their parameters for a filter. */
export function filterClauses(filter: ReportFilter): { clauses: string[]; params: SqlParam[] } {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
  if (filter.scopeKeys !== 'all') {
    if (filter.scopeKeys.length === 0) clauses.push('1 = 0');
    else {
      clauses.push(
        `r.id IN (SELECT s.call_id FROM call_scope s WHERE s.scope_key IN (${placeholders(filter.scopeKeys.length)}))`,
      );
      params.push(...filter.scopeKeys);
    }
  }
  for (const kind of ['queue', 'agent'] as const) {
    const wanted = filter[kind];
    if (wanted === undefined) continue;
    clauses.push(
      `r.id IN (SELECT f.call_id FROM call_member f WHERE f.kind = ? AND (f.member_key = ? OR f.member_name = ?))`,
    );
    params.push(kind, wanted, wanted);
  }
  if (filter.mode !== undefined) {
    clauses.push('r.mode = ?');
    params.push(filter.mode);
  }
  return { clauses, params };
}
