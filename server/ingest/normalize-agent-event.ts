import {
  AgentContactStateSchema,
  InitiationMethodSchema,
  type AgentContact,
  type AgentEvent,
  type HierarchyGroup,
} from '@/lib/conference';
import { AgentEventRecordSchema, HIERARCHY_LEVELS, type AgentContactRaw } from './agent-event-schema';
import { findImplausibleTime, type NamedTime, type NormalizeContext } from './normalize-context';
import type { Normalized } from './normalized';
import { describeIssues } from './timestamps';

/**
 * One agent event stream record → a snapshot of the agent's voice contacts (M7). Every event type
 * carries the full current snapshot, so heartbeats and logouts count too (an empty list tells that
 * the agent has left whatever it was on).
 */
export function normalizeAgentEvent(raw: unknown, ctx: NormalizeContext): Normalized {
  const parsed = AgentEventRecordSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'rejected', reason: describeIssues(parsed.error) };
  const record = parsed.data;
  const raws = record.CurrentAgentSnapshot?.Contacts ?? [];
  const implausible = findImplausibleTime(ctx, [
    ['EventTimestamp', record.EventTimestamp],
    ...contactTimes(raws),
  ]);
  if (implausible) return { kind: 'rejected', reason: implausible };
  const contacts: AgentContact[] = [];
  for (const [index, contact] of raws.entries()) {
    if (contact.Channel && contact.Channel.toUpperCase() !== 'VOICE') continue;
    const state = AgentContactStateSchema.safeParse(contact.State);
    if (!state.success) {
      return {
        kind: 'rejected',
        reason: `CurrentAgentSnapshot.Contacts.${index}.State: unknown state ${JSON.stringify(contact.State)}`,
      };
    }
    contacts.push(toAgentContact(contact, state.data));
  }
  const event: AgentEvent = {
    source: 'agent',
    eventId: record.EventId,
    at: record.EventTimestamp,
    agentArn: record.AgentARN,
    contacts,
  };
  const config = record.CurrentAgentSnapshot?.Configuration;
  if (config && (config.FirstName || config.LastName || config.Username)) {
    event.name = {};
    if (config.FirstName) event.name.first = config.FirstName;
    if (config.LastName) event.name.last = config.LastName;
    if (config.Username) event.name.username = config.Username;
  }
  const groups = hierarchyGroups(config?.AgentHierarchyGroups);
  if (groups.length > 0) event.hierarchyGroups = groups;
  return { kind: 'event', event };
}

function contactTimes(contacts: readonly AgentContactRaw[]): NamedTime[] {
  return contacts.flatMap((c, i): NamedTime[] => [
    [`CurrentAgentSnapshot.Contacts.${i}.StateStartTimestamp`, c.StateStartTimestamp],
    [`CurrentAgentSnapshot.Contacts.${i}.ConnectedToAgentTimestamp`, c.ConnectedToAgentTimestamp],
  ]);
}

type RawGroups = Record<string, { ARN?: string | null; Name?: string | null } | null | undefined>;

/** Levels 1–5 of `AgentHierarchyGroups` that name a group (the scope keys of issue 11). */
function hierarchyGroups(raw: RawGroups | null | undefined): HierarchyGroup[] {
  const groups: HierarchyGroup[] = [];
  HIERARCHY_LEVELS.forEach((key, index) => {
    const group = raw?.[key];
    if (!group?.ARN) return;
    groups.push(
      group.Name
        ? { level: index + 1, arn: group.ARN, name: group.Name }
        : { level: index + 1, arn: group.ARN },
    );
  });
  return groups;
}

function toAgentContact(raw: AgentContactRaw, state: AgentContact['state']): AgentContact {
  const contact: AgentContact = {
    contactId: raw.ContactId,
    rootId: raw.InitialContactId || raw.ContactId,
    state,
  };
  if (raw.InitiationMethod) {
    const method = InitiationMethodSchema.safeParse(raw.InitiationMethod);
    contact.method = method.success ? method.data : 'OTHER';
  }
  if (typeof raw.StateStartTimestamp === 'number') contact.stateStartAt = raw.StateStartTimestamp;
  if (typeof raw.ConnectedToAgentTimestamp === 'number') contact.connectedAt = raw.ConnectedToAgentTimestamp;
  if (raw.Queue?.ARN)
    contact.queue = raw.Queue.Name ? { arn: raw.Queue.ARN, name: raw.Queue.Name } : { arn: raw.Queue.ARN };
  return contact;
}
