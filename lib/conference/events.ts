import { z } from 'zod';
import {
  EpochMsSchema,
  IdSchema,
  MAX_AGENT_CONTACTS,
  MAX_CCP_CONNECTIONS,
  MAX_CODE_LENGTH,
  MAX_HOLD_DURATION_SEC,
  MAX_LABEL_LENGTH,
  MAX_PERSON_NAME_LENGTH,
  MAX_PHONE_LENGTH,
} from './bounds';

export * from './bounds';

/**
 * Normalized domain events: what the engine consumes. The sidecar's ingest layer turns the three
 * raw Amazon Connect formats (contact events, agent event stream records, CCP snapshots) into these
 * once, at the edge; from here on every time is epoch milliseconds and every key is camelCase.
 */

export const InitiationMethodSchema = z.enum([
  'INBOUND',
  'OUTBOUND',
  'TRANSFER',
  'QUEUE_TRANSFER',
  'CALLBACK',
  'API',
  'EXTERNAL_OUTBOUND',
  'MONITOR',
  'DISCONNECT',
  'WEBRTC_API',
  'OTHER',
]);
export type InitiationMethod = z.infer<typeof InitiationMethodSchema>;

export const ContactEventTypeSchema = z.enum([
  'INITIATED',
  'CONNECTED_TO_SYSTEM',
  'CONTACT_DATA_UPDATED',
  'QUEUED',
  'CONNECTED_TO_AGENT',
  'DISCONNECTED',
  'COMPLETED',
  'OTHER',
]);
export type ContactEventType = z.infer<typeof ContactEventTypeSchema>;

const epochMs = EpochMsSchema;
const id = IdSchema;
const label = z.string().max(MAX_LABEL_LENGTH);
const phoneNumber = z.string().max(MAX_PHONE_LENGTH);
const personName = z.string().max(MAX_PERSON_NAME_LENGTH);

export const QueueRefSchema = z.object({ arn: id, name: label.optional() });
export type QueueRef = z.infer<typeof QueueRefSchema>;

/** One level (1–5) of an agent's place in the instance's agent hierarchy; names come only from agent events. */
export const HierarchyGroupSchema = z.object({
  level: z.number().int().min(1).max(5),
  arn: id,
  name: z.string().max(256).optional(),
});
export type HierarchyGroup = z.infer<typeof HierarchyGroupSchema>;

/** An agent's hierarchy groups, one per level at most, by level. */
const HierarchyGroupsSchema = z.array(HierarchyGroupSchema).max(5);

/** One EventBridge "Amazon Connect Contact Event", voice only, about one contact leg. */
export const ContactEventSchema = z.object({
  source: z.literal('contact'),
  /** EventBridge envelope `id`: the duplicate key (O1). */
  eventId: id,
  /** The source time that belongs to the event type (O2). */
  at: epochMs,
  type: ContactEventTypeSchema,
  contactId: id,
  /** `initialContactId`, or the contact itself when absent (M1). */
  rootId: id,
  previousContactId: id.optional(),
  method: InitiationMethodSchema.optional(),
  agentArn: id.optional(),
  /** `agentInfo.hierarchyGroups.level1..5.arn`: the groups of the agent on this leg (scope keys). */
  hierarchyGroups: HierarchyGroupsSchema.optional(),
  queue: QueueRefSchema.optional(),
  /** `contactLens.conversationalAnalytics.configuration.enabled`, when the event carries it (M6). */
  contactLens: z.boolean().optional(),
  /** The far end's number where the event names it (customer endpoint of the root, or the dialled number). */
  phoneNumber: phoneNumber.optional(),
  initiatedAt: epochMs.optional(),
  connectedToSystemAt: epochMs.optional(),
  connectedToAgentAt: epochMs.optional(),
  disconnectedAt: epochMs.optional(),
  /** `agentInfo.afterContactWorkStartTimestamp` (on COMPLETED): when the agent left the leg. */
  acwStartAt: epochMs.optional(),
  /** `agentInfo.agentInitiatedHoldDuration` in seconds (contact-record rules for R29). */
  holdDurationSec: z.number().min(0).max(MAX_HOLD_DURATION_SEC).optional(),
  /** A `TransferCompletedTimestamp` where a record carries it (R29). */
  transferCompletedAt: epochMs.optional(),
  disconnectReason: z.string().max(MAX_CODE_LENGTH).optional(),
});
export type ContactEvent = z.infer<typeof ContactEventSchema>;

export const AgentContactStateSchema = z.enum([
  'INCOMING',
  'PENDING',
  'CONNECTING',
  'CONNECTED',
  'CONNECTED_ONHOLD',
  'MISSED',
  'ERROR',
  'ENDED',
  'REJECTED',
]);
export type AgentContactState = z.infer<typeof AgentContactStateSchema>;

export const AgentContactSchema = z.object({
  contactId: id,
  rootId: id,
  method: InitiationMethodSchema.optional(),
  state: AgentContactStateSchema,
  stateStartAt: epochMs.optional(),
  connectedAt: epochMs.optional(),
  queue: QueueRefSchema.optional(),
});
export type AgentContact = z.infer<typeof AgentContactSchema>;

export const PersonNameSchema = z.object({
  first: personName.optional(),
  last: personName.optional(),
  username: personName.optional(),
});
export type PersonName = z.infer<typeof PersonNameSchema>;

/** One agent event stream record: the full snapshot of one agent's voice contacts (M7). */
export const AgentEventSchema = z.object({
  source: z.literal('agent'),
  /** `EventId`: the duplicate key (O1). */
  eventId: id,
  /** `EventTimestamp` (O2). */
  at: epochMs,
  agentArn: id,
  name: PersonNameSchema.optional(),
  /** `Configuration.AgentHierarchyGroups` Level1..Level5, with their names. */
  hierarchyGroups: HierarchyGroupsSchema.optional(),
  /** Voice contacts only; other channels are dropped at the edge. */
  contacts: z.array(AgentContactSchema).max(MAX_AGENT_CONTACTS),
});
export type AgentEvent = z.infer<typeof AgentEventSchema>;

export const CcpConnectionKindSchema = z.enum(['self', 'customer', 'agent', 'external', 'supervisor']);
export type CcpConnectionKind = z.infer<typeof CcpConnectionKindSchema>;

export const CcpConnectionStateSchema = z.enum(['connecting', 'connected', 'hold', 'disconnected']);
export type CcpConnectionState = z.infer<typeof CcpConnectionStateSchema>;

export const MonitorModeSchema = z.enum(['silent', 'barge']);
export type MonitorMode = z.infer<typeof MonitorModeSchema>;

export const CcpConnectionSchema = z.object({
  connectionId: id,
  kind: CcpConnectionKindSchema,
  state: CcpConnectionStateSchema,
  muted: z.boolean().optional(),
  forcedMute: z.boolean().optional(),
  agentArn: id.optional(),
  phoneNumber: phoneNumber.optional(),
  name: label.optional(),
  /** Streams' `isSilentMonitor()` / `isBarge()` for a supervisor connection. */
  monitorMode: MonitorModeSchema.optional(),
});
export type CcpConnection = z.infer<typeof CcpConnectionSchema>;

/** One CCP relay snapshot: every connection of one contact as one agent's CCP sees it (M8). */
export const CcpEventSchema = z.object({
  source: z.literal('ccp'),
  /** Derived from reporter, `reportedAt` and connections (O1). */
  eventId: id,
  /** `reportedAt` (O2). */
  at: epochMs,
  agentArn: id,
  contactId: id,
  rootId: id,
  connections: z.array(CcpConnectionSchema).max(MAX_CCP_CONNECTIONS),
});
export type CcpEvent = z.infer<typeof CcpEventSchema>;

export const DomainEventSchema = z.discriminatedUnion('source', [
  ContactEventSchema,
  AgentEventSchema,
  CcpEventSchema,
]);
export type DomainEvent = z.infer<typeof DomainEventSchema>;

/** The root contact ids a domain event names directly (agent events may name several, or none). */
export function listEventRoots(event: DomainEvent): string[] {
  if (event.source === 'agent') return [...new Set(event.contacts.map((c) => c.rootId))];
  return [event.rootId];
}
