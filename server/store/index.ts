export { openStore } from './open-store';
export { ConferenceViewSchema } from '@/lib/realtime/conference-view-schema';
export { CorruptEventRowError, CorruptRowError, StoreInputError } from './errors';
export type { AlertAck, EventLogEntry, HistoryQuery, LoggedEvent, Store, StoreConfig } from './store';
