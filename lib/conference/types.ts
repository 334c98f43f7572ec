import type {
  AlertKind,
  AlertSeverity,
  ConferenceMode,
  EndReason,
  ParticipantRole,
  TimelineKind,
} from './enums';
import type { HierarchyGroup, InitiationMethod, MonitorMode, QueueRef } from './events';

/** The life of a party only moves forward (O3); hold is a flag on the connected stage. */
export type ParticipantStage = 'dialing' | 'connected' | 'disconnected';

/** A half-open interval of source time; `to` is absent while it lasts. */
export type Interval = { from: number; to?: number };

export type Participant = {
  /** Stable key: `c:<root>` customer, `a:<leg>` agent, `x:<leg>` external, `s:<leg>` supervisor. */
  id: string;
  role: ParticipantRole;
  /** The first agent connected to the call (the agent on the root leg). */
  primary: boolean;
  /** The contact leg this party is on. */
  contactId: string;
  agentArn?: string;
  phoneNumber?: string;
  /** A quick-connect or agent name, where a source has told us. */
  name?: string;
  stage: ParticipantStage;
  onHold: boolean;
  /** true/false once a CCP has reported it; null while unknown (no server source exposes mute). */
  muted: boolean | null;
  forcedMute: boolean | null;
  /** Supervisors only: silent monitor or barge, null while unknown. */
  monitorMode: MonitorMode | null;
  /** Seen only by a CCP: listed, but not counted towards the cap, alerts or ending (M8). */
  ccpOnly: boolean;
  dialingAt?: number;
  joinedAt?: number;
  leftAt?: number;
  holds: Interval[];
  mutes: Interval[];
  /**
   * The source time of the newest report of hold, mute and forced mute (O2). In fold order every
   * report is the newest; a fact folded in behind the compaction line (O6) is not, and then loses.
   */
  holdAt?: number;
  muteAt?: number;
  forcedMuteAt?: number;
};

export type Leg = {
  contactId: string;
  /** The id of the party this (child) leg brings, once known: computed once, looked up often. */
  partyId?: string;
  previousContactId?: string;
  method?: InitiationMethod;
  initiatedAt?: number;
  connectedAt?: number;
  disconnectedAt?: number;
  acwStartAt?: number;
  completedAt?: number;
  /** Per-leg Contact Lens setting (M6, R27): null while no event has said. */
  contactLens: boolean | null;
  /** The source time of the newest event that said (O2, O6). */
  contactLensAt?: number;
  agentArn?: string;
  queue?: QueueRef;
  holdDurationSec?: number;
  transferCompletedAt?: number;
  disconnectReason?: string;
};

/** One raising of an alert; `clearedAt` is absent while it stands. */
export type AlertRecord = { kind: AlertKind; severity: AlertSeverity; raisedAt: number; clearedAt?: number };

export type TimelineEntry = {
  at: number;
  kind: TimelineKind;
  participantId?: string;
  alert?: AlertKind;
};

/**
 * The folded state of one conference: a deterministic function of the set of facts about it
 * (they are folded in source-time order), so delivery order never changes it (O2).
 */
export type ConferenceModel = {
  id: string;
  mode: ConferenceMode;
  /** `c:<root>` and `a:<root>`, computed once. */
  customerKey: string;
  primaryKey: string;
  legs: Map<string, Leg>;
  participants: Map<string, Participant>;
  /** Agent display names by ARN, from agent events and CCP quick-connect names. */
  agentNames: Map<string, string>;
  /** Agents' hierarchy groups by ARN, by level, from agent events (with names) and contact events. */
  agentGroups: Map<string, HierarchyGroup[]>;
  queue?: QueueRef;
  /** Every queue any leg was in, by ARN, in the order first seen; a name where a source gave one. */
  queues: Map<string, string | undefined>;
  startedAt: number;
  lastEventAt: number;
  /** When an agent first connected: from then on the call is listed as a conference (M2). */
  listedAt?: number;
  endedAt?: number;
  endReason?: EndReason;
  peakParticipants: number;
  alerts: AlertRecord[];
  timeline: TimelineEntry[];
  /**
   * Bumped by every change a derivation can see (a party's stage, hold or mute, a new party, a leg's
   * Contact Lens flag), so a fact that changed nothing is not re-evaluated: many facts repeat what
   * is already known (every CCP snapshot lists every connection).
   */
  revision: number;
  settledRevision: number;
};

/** The knobs of the engine; the optional ones have defaults in `DEFAULT_SETTINGS`. */
export type EngineSettings = {
  mode: ConferenceMode;
  /** A3 threshold. */
  longHoldMs: number;
  /** O4: how long events for a root not yet seen are kept. */
  orphanTtlMs: number;
  /** How long agent snapshots are kept to tell that an agent has left a contact (M7). */
  agentHistoryMs: number;
  /** How long an archived conference's facts are kept so late events can update its history (O4). */
  archiveRetentionMs: number;
  /** O6: a call holding more facts than this compacts those older than the horizon (`MAX_FACTS_PER_CALL`). */
  compactAfterFacts?: number;
  /** O6: how far behind the newest fact (source time) facts are kept, to fold late ones in exactly. */
  compactHorizonMs?: number;
  /** L1: conferences held at once (not yet in history); events that would start more are refused. */
  maxLiveConferences?: number;
  /** L1: roots waiting for their conference (O4); events that would add more are refused. */
  maxPendingRoots?: number;
};

export const DEFAULT_SETTINGS: Required<EngineSettings> = {
  mode: 'multi-party',
  longHoldMs: 60_000,
  orphanTtlMs: 300_000,
  agentHistoryMs: 30 * 60_000,
  archiveRetentionMs: 600_000,
  compactAfterFacts: 500,
  compactHorizonMs: 600_000,
  maxLiveConferences: 20_000,
  maxPendingRoots: 10_000,
};
