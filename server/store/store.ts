import type { ConferenceView, DomainEvent } from '@/lib/conference';
import type { AlertAck as WireAlertAck } from '@/lib/realtime/messages';
import type { AuditPage } from './audit-queries';
import type { AuditEntry, LoggedAuditEntry, SessionRecord, TokenRecord, UserRecord } from './auth-records';
import type { DaySums } from '@/lib/reports/daily-report';
import type { PictureChange } from '@/lib/reports/picture-changes';
import type { LocalDay } from '@/lib/reports/zone-time';
import type { ReportFilter } from './report-filter';
import type { ReportConferencePage, TopEntry } from './report-list-queries';

export type { ReportFilter } from './report-filter';
export type { ReportConference, ReportConferencePage, TopEntry } from './report-list-queries';

/** One ingested event as the hub logs it, with every conference root it touches. */
export type EventLogEntry = { roots: readonly string[]; receivedAt: number; event: DomainEvent };

/** One event log row; `rootId` is `''` for an event that touches no conference. */
export type LoggedEvent = { seq: number; rootId: string; receivedAt: number; event: DomainEvent };

/**
 * What `listHistory` answers: whether, and what, history holds from a moment on (the seed's guard
 * asks). Reports read history through their own queries (report facts, drill-down pages).
 */
export type HistoryQuery = {
  /** Inclusive lower bound on `endedAt` (epoch ms). */
  endedFrom?: number;
  /** Default 100, at most 1000. */
  limit?: number;
};

/** A supervisor's acknowledgement of one raising of one alert (the wire type). Times are ISO-8601. */
export type AlertAck = WireAlertAck;

export type Store = {
  readonly kind: 'sqlite' | 'postgres';
  /** Appends atomically and durably: when the promise resolves the batch survives kill -9. */
  appendEvents(entries: readonly EventLogEntry[]): Promise<void>;
  /** Log rows in seq order after `afterSeq`, at most `limit`; a restore pages through with this. */
  readEventLog(afterSeq: number, limit: number): Promise<LoggedEvent[]>;
  deleteEventsForRoots(rootIds: readonly string[]): Promise<number>;
  deleteRootlessEventsBefore(receivedAt: number): Promise<number>;
  eventLogSize(): Promise<number>;
  /** Moves a row that cannot be restored to the quarantine table; false when there was no such row. */
  quarantineEvent(seq: number, reason: string, quarantinedAt: number): Promise<boolean>;
  quarantineSize(): Promise<number>;
  /**
   * Upserts ended conferences by id; a later write replaces the earlier record, its report facts
   * and (when given) its picture changes (`pictureChangesOf`, what a replay needs beyond the view).
   */
  writeHistory(
    records: readonly ConferenceView[],
    archivedAt: number,
    pictureChanges?: ReadonlyMap<string, readonly PictureChange[]>,
  ): Promise<void>;
  getPictureChanges(id: string): Promise<PictureChange[] | null>;
  getHistory(id: string): Promise<ConferenceView | null>;
  /** Newest ended first (ties by id, descending), at most `limit`. */
  listHistory(query: HistoryQuery): Promise<ConferenceView[]>;
  /** Ids archived strictly after `archivedAfter`, oldest archive first. */
  listArchivedIdsSince(archivedAfter: number): Promise<string[]>;
  /** Report sums per local day (days without calls absent); see `server/store/reports` for the reports. */
  sumReportDays(days: readonly LocalDay[], filter: ReportFilter): Promise<Map<string, DaySums>>;
  /** Conferences started per UTC quarter hour of `[start, end)`. */
  countConferenceStarts(
    start: number,
    end: number,
    filter: ReportFilter,
  ): Promise<{ at: number; conferences: number }[]>;
  topReportMembers(
    query: { by: 'agents' | 'queues'; start: number; end: number; limit: number },
    filter: ReportFilter,
  ): Promise<TopEntry[]>;
  listReportConferences(
    query: { start: number; end: number; size?: number; cursor?: string; limit: number },
    filter: ReportFilter,
  ): Promise<ReportConferencePage>;
  /** Upsert: acknowledging the same raising again replaces who and when. */
  saveAck(ack: AlertAck): Promise<void>;
  listAcks(conferenceIds?: readonly string[]): Promise<AlertAck[]>;
  putUser(user: UserRecord): Promise<void>;
  getUser(name: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  deleteUser(name: string): Promise<boolean>;
  putToken(token: TokenRecord): Promise<void>;
  getToken(id: string): Promise<TokenRecord | null>;
  listTokens(): Promise<TokenRecord[]>;
  revokeToken(id: string, at: number): Promise<boolean>;
  putSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | null>;
  touchSession(idHash: string, at: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteSessionsOf(by: { subject: string; kind: 'password' | 'oidc' } | { tokenId: string }): Promise<number>;
  deleteExpiredSessions(now: number, idleBefore: number): Promise<number>;
  appendAudit(entry: AuditEntry): Promise<void>;
  /**
   * Newest first; the next page is asked for with `beforeSeq` = the last seq of this one. `action`
   * and `actor` keep only the entries of that kind, or by that actor (exactly).
   */
  listAudit(page: AuditPage): Promise<LoggedAuditEntry[]>;
  close(): Promise<void>;
};

export type StoreConfig =
  { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; databaseUrl: string; schema?: string };
