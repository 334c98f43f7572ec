/**
 * The view's schemas live with the engine that builds the view (lib/conference); the wire contract
 * re-exports them so server and browser import the contract from one place.
 */
export {
  HierarchyGroupViewSchema,
  AlertHistoryViewSchema,
  AlertKindSchema,
  AlertSeveritySchema,
  AlertViewSchema,
  ConferenceModeSchema,
  ConferenceViewSchema,
  ContactTreeViewSchema,
  IntervalViewSchema,
  IsoTimeSchema,
  ParticipantViewSchema,
  QueueViewSchema,
  RuleDecisionSchema,
  TimelineEntryViewSchema,
} from '@/lib/conference';
