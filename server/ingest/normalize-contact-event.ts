import {
  ContactEventTypeSchema,
  InitiationMethodSchema,
  type ContactEvent,
  type ContactEventType,
  type HierarchyGroup,
} from '@/lib/conference';
import { camelizeKeys } from './camelize';
import {
  CONTACT_EVENT_DETAIL_TYPE,
  ContactEventDetailSchema,
  EventBridgeEnvelopeSchema,
  HIERARCHY_LEVEL_KEYS,
  type ContactEventDetail,
} from './contact-event-schema';
import { findImplausibleTime, type NamedTime, type NormalizeContext } from './normalize-context';
import type { Normalized } from './normalized';
import { describeIssues } from './timestamps';

/** One EventBridge contact event → a domain event (voice), an ignore (other channels) or a rejection. */
export function normalizeContactEvent(raw: unknown, ctx: NormalizeContext): Normalized {
  const envelope = EventBridgeEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { kind: 'rejected', reason: describeIssues(envelope.error) };
  const { id, time } = envelope.data;
  const detailType = envelope.data['detail-type'];
  if (detailType !== CONTACT_EVENT_DETAIL_TYPE) {
    return { kind: 'rejected', reason: `detail-type "${detailType}" is not "${CONTACT_EVENT_DETAIL_TYPE}"` };
  }
  const detail = camelizeKeys(envelope.data.detail);
  if (!detail.ok) return { kind: 'rejected', reason: `detail: ${detail.reason}` };
  const parsed = ContactEventDetailSchema.safeParse(detail.value);
  if (!parsed.success) return { kind: 'rejected', reason: `detail.${describeIssues(parsed.error)}` };
  const d = parsed.data;
  const implausible = findImplausibleTime(ctx, [['time', time], ...detailTimes(d)]);
  if (implausible) return { kind: 'rejected', reason: implausible };
  if (d.channel.toUpperCase() !== 'VOICE') return { kind: 'ignored', reason: `channel ${d.channel}` };
  return { kind: 'event', event: toDomainEvent(id, time, d) };
}

/** Every source time the detail carries, by its path, whether or not this event type uses it. */
function detailTimes(d: ContactEventDetail): NamedTime[] {
  return [
    ['detail.initiationTimestamp', d.initiationTimestamp],
    ['detail.connectedToSystemTimestamp', d.connectedToSystemTimestamp],
    ['detail.disconnectTimestamp', d.disconnectTimestamp],
    ['detail.transferCompletedTimestamp', d.transferCompletedTimestamp],
    ['detail.queueInfo.enqueueTimestamp', d.queueInfo?.enqueueTimestamp],
    ['detail.agentInfo.connectedToAgentTimestamp', d.agentInfo?.connectedToAgentTimestamp],
    ['detail.agentInfo.afterContactWorkStartTimestamp', d.agentInfo?.afterContactWorkStartTimestamp],
  ];
}

function toDomainEvent(eventId: string, envelopeTime: number, d: ContactEventDetail): ContactEvent {
  const type = eventType(d.eventType);
  const event: ContactEvent = {
    source: 'contact',
    eventId,
    at: sourceTime(type, d) ?? envelopeTime,
    type,
    contactId: d.contactId,
    rootId: d.initialContactId || d.contactId,
  };
  const method = InitiationMethodSchema.safeParse(d.initiationMethod);
  if (d.initiationMethod) event.method = method.success ? method.data : 'OTHER';
  if (d.previousContactId) event.previousContactId = d.previousContactId;
  if (d.agentInfo?.agentArn) event.agentArn = d.agentInfo.agentArn;
  const groups: HierarchyGroup[] = [];
  HIERARCHY_LEVEL_KEYS.forEach((key, index) => {
    const arn = d.agentInfo?.hierarchyGroups?.[key]?.arn;
    if (arn) groups.push({ level: index + 1, arn });
  });
  if (groups.length > 0 && event.agentArn) event.hierarchyGroups = groups;
  if (d.queueInfo?.queueArn) {
    event.queue = d.queueInfo.name
      ? { arn: d.queueInfo.queueArn, name: d.queueInfo.name }
      : { arn: d.queueInfo.queueArn };
  }
  const lens = d.contactLens?.conversationalAnalytics?.configuration?.enabled;
  if (typeof lens === 'boolean') event.contactLens = lens;
  if (d.customerEndpoint?.address) event.phoneNumber = d.customerEndpoint.address;
  assign(event, 'initiatedAt', d.initiationTimestamp);
  assign(event, 'connectedToSystemAt', d.connectedToSystemTimestamp);
  assign(event, 'connectedToAgentAt', d.agentInfo?.connectedToAgentTimestamp);
  assign(event, 'disconnectedAt', d.disconnectTimestamp);
  assign(event, 'acwStartAt', d.agentInfo?.afterContactWorkStartTimestamp);
  assign(event, 'transferCompletedAt', d.transferCompletedTimestamp);
  if (typeof d.agentInfo?.agentInitiatedHoldDuration === 'number')
    event.holdDurationSec = d.agentInfo.agentInitiatedHoldDuration;
  if (d.disconnectReason) event.disconnectReason = d.disconnectReason;
  return event;
}

function eventType(raw: string): ContactEventType {
  const parsed = ContactEventTypeSchema.safeParse(raw);
  return parsed.success ? parsed.data : 'OTHER';
}

/** O2: the timestamp that belongs to the event type, else (undefined) the envelope time. */
function sourceTime(type: ContactEventType, d: ContactEventDetail): number | null | undefined {
  switch (type) {
    case 'INITIATED':
      return d.initiationTimestamp;
    case 'QUEUED':
      return d.queueInfo?.enqueueTimestamp;
    case 'CONNECTED_TO_AGENT':
      return d.agentInfo?.connectedToAgentTimestamp;
    case 'CONNECTED_TO_SYSTEM':
      return d.connectedToSystemTimestamp;
    case 'DISCONNECTED':
      return d.disconnectTimestamp;
    default:
      return undefined;
  }
}

type TimeKey =
  | 'initiatedAt'
  | 'connectedToSystemAt'
  | 'connectedToAgentAt'
  | 'disconnectedAt'
  | 'acwStartAt'
  | 'transferCompletedAt';

function assign(event: ContactEvent, key: TimeKey, value: number | null | undefined): void {
  if (typeof value === 'number') event[key] = value;
}
