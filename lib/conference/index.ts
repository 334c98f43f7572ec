export * from './enums';
export * from './events';
export * from './types';
export {
  affectedRoots,
  applyEvent,
  archiveConference,
  createEngine,
  endStaleConference,
  isKnownEvent,
  pruneEngine,
  resetTrafficStats,
} from './engine';
export type { ApplyOutcome, ApplyResult, EngineState, EngineStats } from './engine';
export type { ConferenceRecord } from './conference-record';
export {
  conferenceModel,
  conferenceStartedAt,
  conferenceView,
  customerOnHold,
  holdsConference,
  isTombstoned,
  listedRecord,
  liveRecord,
  liveRecords,
  reconcileTargets,
} from './live-queries';
export type { ReconcileTargets } from './live-queries';
export { buildContactTree, labelLeg } from './contact-tree';
export type { ContactTreeNode } from './contact-tree';
export { deriveAudioPaths } from './derive/audio';
export type { AudioPath } from './derive/audio';
export { ALERT_RULE, ALERT_SEVERITY, contactLensActive, longHoldSince } from './derive/alerts';
export { capFor, deriveCapacity } from './derive/capacity';
export type { Capacity } from './derive/capacity';
export { isActive, isCounted, participantState } from './participant-state';
export { PERMISSION_ACTIONS, permissions } from './permissions';
export type { CallFacts, Party, PermissionAction, PermissionDecision } from './permissions';
export { admitEvent, countRefusal, createBatchAdmission, liveConferences } from './admission';
export type { Admission, AdmissionLimits, RefusalReason } from './admission';
export { inScope, scopeKeysOf, scopeKeysOfModel, ScopeSchema } from './scope';
export type { Scope, ScopeKeys } from './scope';
export { toConferenceCore, toConferenceView } from './view';
export * from './view-schema';
