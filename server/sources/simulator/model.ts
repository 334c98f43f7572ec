import type { ConferenceMode, ParticipantRole, ParticipantState } from '@/lib/conference';

/** The simulated contact centre's moving parts: people, contact legs, parties and calls. */

export type LegMethod = 'INBOUND' | 'TRANSFER' | 'EXTERNAL_OUTBOUND' | 'MONITOR';

export type Queue = { id: string; arn: string; name: string };
export type RoutingProfile = { arn: string; name: string; queues: readonly Queue[] };

/** What an agent event snapshot says of one contact; `CONNECTED` turns into `CONNECTED_ONHOLD` while held. */
export type AgentContactPhase = 'CONNECTING' | 'CONNECTED' | 'MISSED' | 'REJECTED' | 'ENDED';

export type AgentContactEntry = {
  leg: Leg;
  phase: AgentContactPhase;
  /** Not reset by hold (the quirk the real stream has). */
  stateStartAt: number;
  connectedAt: number | null;
  /** The party whose hold turns CONNECTED into CONNECTED_ONHOLD: the caller on the root leg, else the agent itself. */
  heldParty: Party | null;
};

/** An agent or a supervisor: a user of the instance with a CCP. */
export type Person = {
  kind: 'agent' | 'supervisor';
  id: string;
  arn: string;
  firstName: string;
  lastName: string;
  username: string;
  routingProfile: RoutingProfile;
  loginAt: number;
  contacts: AgentContactEntry[];
  /** The last snapshot sent, kept as the next record's `PreviousAgentSnapshot`. */
  snapshot: Record<string, unknown> | null;
  signature: string;
  lastEventAt: number;
};

export type ContactLensSetting = { enabled: boolean; mode: 'RealTime' | 'PostContact' };

/** One contact: the caller's root contact, or a leg an agent or supervisor added. */
export type Leg = {
  contactId: string;
  rootId: string;
  method: LegMethod;
  previousContactId: string | null;
  /** Root legs only: whether events name `initialContactId` (equal to `contactId`) or leave it out. */
  namesItselfAsInitial: boolean;
  initiatedAt: number;
  connectedToSystemAt: number | null;
  connectedToAgentAt: number | null;
  disconnectedAt: number | null;
  disconnectReason: string | null;
  queue: Queue | null;
  enqueuedAt: number | null;
  /** The agent or supervisor who answered the leg. */
  person: Person | null;
  /** Caller's number on the root, the dialled number on an external leg. */
  endpoint: string | null;
  contactLens: ContactLensSetting | null;
  acwStartAt: number | null;
  acwEndAt: number | null;
  /** `agentInitiatedHoldDuration`: how long the leg's agent held others. */
  holdMs: number;
  completed: boolean;
};

/** Per agent or supervisor: what its CCP has shown, so connection ids stay stable. */
export type CcpViewState = {
  connectionIds: Map<string, string>;
  signature: string;
  /** Parties already listed as disconnected: they are not listed again. */
  gone: Set<string>;
  finalSent: boolean;
};

export type Party = {
  id: string;
  role: ParticipantRole;
  primary: boolean;
  leg: Leg;
  /** The agent or supervisor on this party, once known. */
  person: Person | null;
  /** An agent being offered the leg and not (yet) answering. */
  ringing: Person | null;
  phoneNumber: string | null;
  /** The quick-connect name other agents see in multi-party mode (R16). */
  name: string | null;
  state: ParticipantState;
  muted: boolean;
  forcedMute: boolean;
  monitorMode: 'silent' | 'barge' | null;
  addedBy: Party | null;
  /** When this agent last put others on hold (for its leg's hold duration). */
  holdingSince: number | null;
  ccp: CcpViewState | null;
};

export type Call = {
  rootId: string;
  mode: ConferenceMode;
  scenario: string;
  fault: boolean;
  root: Leg;
  customer: Party;
  parties: Party[];
  listed: boolean;
  ended: boolean;
  /** The party being dialled (R4 blocks other adds while it is set). */
  dialing: Party | null;
  flushPending: boolean;
  peak: number;
  /** What happened, for `stats()` (caller-dropped, primary-left, no-agent, …). */
  happened: Set<string>;
};

/** Non-supervisor parties that have not left: the ones the cap counts (R1, R2). */
export function countedParties(call: Call): Party[] {
  return call.parties.filter((p) => p.role !== 'supervisor' && p.state !== 'disconnected');
}

export function presentAgents(call: Call): Party[] {
  return call.parties.filter((p) => p.role === 'agent' && (p.state === 'connected' || p.state === 'hold'));
}

export function capOf(mode: ConferenceMode): number {
  return mode === 'multi-party' ? 6 : 3;
}
