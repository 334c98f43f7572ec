export { openStore } from './open-store';
export { ConferenceViewSchema } from '@/lib/realtime/conference-view-schema';
export { CorruptEventRowError, CorruptRowError, StoreInputError } from './errors';
export type { AlertAck, EventLogEntry, HistoryQuery, LoggedEvent, Store, StoreConfig } from './store';
export type {
  AuditEntry,
  LoggedAuditEntry,
  SessionRecord,
  StoredScope,
  TokenRecord,
  UserRecord,
} from './auth-records';
