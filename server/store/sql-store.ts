import { listAcks, saveAck } from './ack-queries';
import {
  appendEvents,
  countEventLog,
  deleteEventsForRoots,
  deleteRootlessEventsBefore,
  readEventLog,
} from './event-log-queries';
import {
  getHistory,
  getPictureChanges,
  listArchivedIdsSince,
  listHistory,
  writeHistory,
} from './history-queries';
import { listReportConferences, topReportMembers } from './report-list-queries';
import { countConferenceStarts, sumReportDays } from './report-queries';
import type { SqlDatabase } from './sql-database';
import type { Store } from './store';

/** The store over either dialect: the queries are shared, only the `SqlDatabase` differs. */
export function createSqlStore(db: SqlDatabase): Store {
  let closed = false;
  const live = (): SqlDatabase => {
    if (closed) throw new Error(`the ${db.dialect} store is closed`);
    return db;
  };
  return {
    kind: db.dialect,
    appendEvents: async (entries) => appendEvents(live(), entries),
    readEventLog: async (afterSeq, limit) => readEventLog(live(), afterSeq, limit),
    deleteEventsForRoots: async (rootIds) => deleteEventsForRoots(live(), rootIds),
    deleteRootlessEventsBefore: async (receivedAt) => deleteRootlessEventsBefore(live(), receivedAt),
    eventLogSize: async () => countEventLog(live()),
    writeHistory: async (records, archivedAt, pictureChanges) =>
      writeHistory(live(), records, archivedAt, pictureChanges),
    getPictureChanges: async (id) => getPictureChanges(live(), id),
    getHistory: async (id) => getHistory(live(), id),
    listHistory: async (query) => listHistory(live(), query),
    listArchivedIdsSince: async (archivedAfter) => listArchivedIdsSince(live(), archivedAfter),
    sumReportDays: async (days, filter) => sumReportDays(live(), days, filter),
    countConferenceStarts: async (start, end, filter) => countConferenceStarts(live(), start, end, filter),
    topReportMembers: async (query, filter) => topReportMembers(live(), query, filter),
    listReportConferences: async (query, filter) => listReportConferences(live(), query, filter),
    saveAck: async (ack) => saveAck(live(), ack),
    listAcks: async (conferenceIds) => listAcks(live(), conferenceIds),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
