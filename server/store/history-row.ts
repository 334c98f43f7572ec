import type { ContactTreeView, ConferenceView } from '@/lib/conference';
import { StoreInputError } from './errors';
import type { SqlParam } from './sql-database';

/** The history columns in insert order; `record` holds the whole view, the rest are for queries. */
export const HISTORY_COLUMNS = [
  'id',
  'started_at',
  'ended_at',
  'archived_at',
  'mode',
  'queue_arn',
  'queue_name',
  'peak_participants',
  'contact_lens',
  'end_reason',
  'alert_kinds',
  'record',
] as const;

/** Contact Lens on any leg at any time: the view's own flag only covers legs still active. */
function anyLegHadContactLens(node: ContactTreeView): boolean {
  return node.contactLens === true || node.children.some(anyLegHadContactLens);
}

/**
 * The distinct alert kinds the conference raised, sorted and comma-separated. No kind's name is
 * part of another's, so `alert_kinds LIKE '%no-agent%'` is an exact test.
 */
export function summarizeAlertKinds(view: ConferenceView): string {
  return [...new Set(view.alertHistory.map((a) => a.kind))].sort().join(',');
}

/** The parameters for one history row, in `HISTORY_COLUMNS` order. */
export function toHistoryParams(view: ConferenceView, archivedAt: number): SqlParam[] {
  if (view.endedAt === null) {
    throw new StoreInputError(`writeHistory: conference ${view.id} has not ended (endedAt is null)`);
  }
  return [
    view.id,
    Date.parse(view.startedAt),
    Date.parse(view.endedAt),
    archivedAt,
    view.mode,
    view.queue?.arn ?? null,
    view.queue?.name ?? null,
    view.peakParticipants,
    anyLegHadContactLens(view.contactTree),
    view.endReason,
    summarizeAlertKinds(view),
    JSON.stringify(view),
  ];
}
