import { listAcks, saveAck } from './ack-queries';
import {
  appendEvents,
  countEventLog,
  countQuarantine,
  deleteEventsForRoots,
  deleteRootlessEventsBefore,
  quarantineEvent,
  readEventLog,
} from './event-log-queries';
import { getHistory, listArchivedIdsSince, listHistory, writeHistory } from './history-queries';
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
    quarantineEvent: async (seq, reason, at) => quarantineEvent(live(), seq, reason, at),
    quarantineSize: async () => countQuarantine(live()),
    writeHistory: async (records, archivedAt) => writeHistory(live(), records, archivedAt),
    getHistory: async (id) => getHistory(live(), id),
    listHistory: async (query) => listHistory(live(), query),
    listArchivedIdsSince: async (archivedAfter) => listArchivedIdsSince(live(), archivedAfter),
    saveAck: async (ack) => saveAck(live(), ack),
    listAcks: async (conferenceIds) => listAcks(live(), conferenceIds),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
