import { SLOT_SUMS } from './schema';
import { sql, type SqlStatement } from './sql-database';

/** Every zone's offset is a whole number of quarter hours, so local days are runs of these. */
export const SLOT_MS = 900_000;

export const slotOf = (ms: number): number => Math.floor(ms / SLOT_MS) * SLOT_MS;

/** Each call_slot sum as SQL over the call_report rows of one slot, mode and queue. */
const SUM_SQL: Record<(typeof SLOT_SUMS)[number], string> = {
  calls: 'COUNT(*)',
  conferences: 'SUM(r.conference)',
  size3: 'SUM(CASE WHEN r.size = 3 THEN 1 ELSE 0 END)',
  size4: 'SUM(CASE WHEN r.size = 4 THEN 1 ELSE 0 END)',
  size5: 'SUM(CASE WHEN r.size = 5 THEN 1 ELSE 0 END)',
  // Over the cap (a platform fault, A7) is counted with the full calls.
  size6: 'SUM(CASE WHEN r.size >= 6 THEN 1 ELSE 0 END)',
  conference_ms: 'SUM(r.conference_ms)',
  cap_hits: 'SUM(CASE WHEN r.cap_reached > 0 THEN 1 ELSE 0 END)',
  cl_conflicts: 'SUM(CASE WHEN r.cl_conflicts > 0 THEN 1 ELSE 0 END)',
  cl_conflict_ms: 'SUM(r.cl_conflict_ms)',
  consult_hold_ms: 'SUM(r.consult_hold_ms)',
  consult_hold_episodes: 'SUM(r.consult_hold_episodes)',
  consult_hold_longest_ms: 'MAX(r.consult_hold_longest_ms)',
  external_added: 'SUM(r.external_added)',
};

/** The report sums of `call_report r` rows, as a SELECT list naming each as call_slot does. */
export const SUMS_SELECT = SLOT_SUMS.map((name) => `${SUM_SQL[name]} AS ${name}`).join(', ');

/** The queue and mode of call_slot's roll-up rows: one per slot for every call, one per mode. */
export const ROLLUP = '*';

/**
 * Rebuilds the call_slot rows of the quarter hours listed in call_slot_dirty from call_report,
 * then empties the list: a rebuild rather than an increment, because a rewritten call's old
 * figures cannot be taken back out of a maximum. Besides a row per mode and queue, each slot gets
 * roll-ups (queue `*`) per mode and for both modes (mode `*`), so a report without a queue
 * condition reads one row a quarter hour.
 */
export function rebuildDirtySlots(): SqlStatement[] {
  const insert = (mode: string, queue: string, groupBy: string) =>
    sql(
      `INSERT INTO call_slot (slot, mode, queue_arn, ${SLOT_SUMS.join(', ')})
      SELECT r.slot, ${mode}, ${queue}, ${SUMS_SELECT}
      FROM call_report r WHERE r.slot IN (SELECT slot FROM call_slot_dirty)
      GROUP BY ${groupBy}`,
    );
  return [
    sql('DELETE FROM call_slot WHERE slot IN (SELECT slot FROM call_slot_dirty)'),
    insert('r.mode', "COALESCE(r.queue_arn, '')", "r.slot, r.mode, COALESCE(r.queue_arn, '')"),
    insert('r.mode', `'${ROLLUP}'`, 'r.slot, r.mode'),
    insert(`'${ROLLUP}'`, `'${ROLLUP}'`, 'r.slot'),
    sql('DELETE FROM call_slot_dirty'),
  ];
}
