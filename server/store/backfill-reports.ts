import { z } from 'zod';
import { computeReportFacts, type CallReportFacts } from '@/lib/reports/report-facts';
import { CorruptRowError } from './errors';
import { toView } from './history-queries';
import { reportStatements } from './report-rows';
import { sql, type SqlDatabase } from './sql-database';

const PAGE = 500;
const IdSchema = z.object({ id: z.string() });

/**
 * Files the report facts of every history record (the v1 → v2 migration), a page at a time in id
 * order, each page in its own transaction. Rewriting a call's facts replaces them, so a migration
 * cut short is simply run again. A record that does not parse is left out of the reports (and
 * still reported as corrupt by `getHistory`), rather than keeping the store from opening.
 */
export async function backfillReports(db: SqlDatabase): Promise<{ filed: number; skipped: number }> {
  let after = '';
  let filed = 0;
  let skipped = 0;
  for (;;) {
    const rows = await db.all(
      sql('SELECT id, ended_at, record FROM history WHERE id > ? ORDER BY id LIMIT ?', after, PAGE),
    );
    if (rows.length === 0) return { filed, skipped };
    const facts: CallReportFacts[] = [];
    for (const row of rows) {
      try {
        facts.push(computeReportFacts(toView(row).view));
      } catch (error) {
        if (!(error instanceof CorruptRowError)) throw error;
        skipped += 1;
      }
    }
    // Serialized with history writes: both rebuild slots through the shared call_slot_dirty list.
    await db.transact(reportStatements(facts), { serializeOn: 'history' });
    filed += facts.length;
    after = IdSchema.parse(rows[rows.length - 1]).id;
  }
}
