import { listAcks, saveAck } from './ack-queries';
import { appendAudit, listAudit } from './audit-queries';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  deleteUser,
  getSession,
  getToken,
  getUser,
  listTokens,
  listUsers,
  putSession,
  putToken,
  putUser,
  revokeToken,
  touchSession,
} from './auth-queries';
import {
  appendEvents,
  countEventLog,
  countQuarantine,
  deleteEventsForRoots,
  deleteRootlessEventsBefore,
  quarantineEvent,
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
    quarantineEvent: async (seq, reason, at) => quarantineEvent(live(), seq, reason, at),
    quarantineSize: async () => countQuarantine(live()),
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
    putUser: async (user) => putUser(live(), user),
    getUser: async (name) => getUser(live(), name),
    listUsers: async () => listUsers(live()),
    deleteUser: async (name) => deleteUser(live(), name),
    putToken: async (token) => putToken(live(), token),
    getToken: async (id) => getToken(live(), id),
    listTokens: async () => listTokens(live()),
    revokeToken: async (id, at) => revokeToken(live(), id, at),
    putSession: async (session) => putSession(live(), session),
    getSession: async (idHash) => getSession(live(), idHash),
    touchSession: async (idHash, at) => touchSession(live(), idHash, at),
    deleteSession: async (idHash) => deleteSession(live(), idHash),
    deleteSessionsOf: async (by) => deleteSessionsOf(live(), by),
    deleteExpiredSessions: async (now, idleBefore) => deleteExpiredSessions(live(), now, idleBefore),
    appendAudit: async (entry) => appendAudit(live(), entry),
    listAudit: async (page) => listAudit(live(), page),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
