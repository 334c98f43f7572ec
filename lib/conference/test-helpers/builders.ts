import type {
  AgentContact,
  AgentContactState,
  AgentEvent,
  CcpConnection,
  CcpEvent,
  ContactEvent,
  ContactEventType,
  HierarchyGroup,
  InitiationMethod,
} from '../events';

/** Small builders for domain events, so tests read as call scripts rather than JSON blobs. */

export const T0 = Date.parse('2026-11-23T10:00:00.000Z');
export const sec = (s: number): number => T0 + s * 1000;

export const ROOT = 'root-1';
export const agentArn = (name: string): string =>
  `arn:aws:connect:eu-central-1:111122223333:instance/i-1/agent/${name}`;

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

type ContactOpts = {
  contactId?: string;
  rootId?: string;
  previousContactId?: string;
  method?: InitiationMethod;
  agent?: string;
  contactLens?: boolean;
  phoneNumber?: string;
  eventId?: string;
  queue?: string;
  acwAt?: number;
  /** The agent's hierarchy groups, as contact events carry them (ARNs only). */
  groups?: HierarchyGroup[];
};

/** A contact event on `opts.contactId` (the root by default) at source time `at`. */
export function contact(type: ContactEventType, at: number, opts: ContactOpts = {}): ContactEvent {
  const contactId = opts.contactId ?? ROOT;
  const event: ContactEvent = {
    source: 'contact',
    eventId: opts.eventId ?? nextId('ce'),
    at,
    type,
    contactId,
    rootId: opts.rootId ?? ROOT,
  };
  if (opts.previousContactId) event.previousContactId = opts.previousContactId;
  event.method = opts.method ?? (contactId === (opts.rootId ?? ROOT) ? 'INBOUND' : 'TRANSFER');
  if (opts.agent) event.agentArn = agentArn(opts.agent);
  if (opts.groups) event.hierarchyGroups = opts.groups.map(({ level, arn }) => ({ level, arn }));
  if (opts.contactLens !== undefined) event.contactLens = opts.contactLens;
  if (opts.phoneNumber) event.phoneNumber = opts.phoneNumber;
  if (opts.queue) event.queue = { arn: `arn:queue/${opts.queue}`, name: opts.queue };
  if (opts.acwAt !== undefined) event.acwStartAt = opts.acwAt;
  if (type === 'INITIATED') event.initiatedAt = at;
  if (type === 'CONNECTED_TO_AGENT') event.connectedToAgentAt = at;
  if (type === 'CONNECTED_TO_SYSTEM') event.connectedToSystemAt = at;
  if (type === 'DISCONNECTED') event.disconnectedAt = at;
  return event;
}

/** An added leg: `method` defaults to TRANSFER, invited by the root. */
export function leg(contactId: string, method: InitiationMethod = 'TRANSFER', previousContactId = ROOT) {
  return { contactId, method, previousContactId };
}

type AgentContactOpts = {
  contactId?: string;
  rootId?: string;
  method?: InitiationMethod;
  connectedAt?: number;
};

export function agentContact(state: AgentContactState, opts: AgentContactOpts = {}): AgentContact {
  const contactId = opts.contactId ?? ROOT;
  const c: AgentContact = { contactId, rootId: opts.rootId ?? ROOT, state };
  c.method = opts.method ?? (contactId === (opts.rootId ?? ROOT) ? 'INBOUND' : 'TRANSFER');
  if (opts.connectedAt !== undefined) c.connectedAt = opts.connectedAt;
  return c;
}

/** An agent event stream snapshot of agent `name` at `at` listing `contacts`. */
export function agentSnapshot(
  name: string,
  at: number,
  contacts: AgentContact[],
  eventId?: string,
  groups?: HierarchyGroup[],
): AgentEvent {
  const event: AgentEvent = {
    source: 'agent',
    eventId: eventId ?? nextId('ae'),
    at,
    agentArn: agentArn(name),
    name: { first: name[0]!.toUpperCase() + name.slice(1), last: 'Agent', username: name },
    contacts,
  };
  if (groups) event.hierarchyGroups = groups;
  return event;
}

/** A hierarchy group at `level` named `name`, with an ARN made from the name. */
export const group = (level: number, name: string): HierarchyGroup => ({
  level,
  arn: `arn:aws:connect:eu-central-1:111122223333:instance/i-1/agent-group/${name.toLowerCase()}`,
  name,
});

type ConnectionOpts = Partial<Omit<CcpConnection, 'kind' | 'state'>> & { agent?: string };

export function connection(
  kind: CcpConnection['kind'],
  state: CcpConnection['state'],
  opts: ConnectionOpts = {},
): CcpConnection {
  const { agent, ...rest } = opts;
  const c: CcpConnection = { connectionId: opts.connectionId ?? nextId('conn'), kind, state, ...rest };
  if (agent) c.agentArn = agentArn(agent);
  return c;
}

/** A CCP snapshot reported by agent `name` on its leg `contactId` (the root by default). */
export function ccp(name: string, at: number, connections: CcpConnection[], contactId = ROOT): CcpEvent {
  return {
    source: 'ccp',
    eventId: nextId('ccp'),
    at,
    agentArn: agentArn(name),
    contactId,
    rootId: ROOT,
    connections,
  };
}

/** The call most tests start from: the caller rings in (root leg) and agent `alice` answers. */
export function twoPartyCall(opts: { contactLens?: boolean } = {}): ContactEvent[] {
  return [
    contact('INITIATED', sec(0), { contactLens: opts.contactLens }),
    contact('CONNECTED_TO_AGENT', sec(2), { agent: 'alice' }),
  ];
}

type AgentLegOpts = { previous?: string; agent?: string; contactLens?: boolean };

/**
 * A TRANSFER leg `id` invited by `previous` (the root by default) at `atSec` seconds, answered two
 * seconds later by `agent` (`agent-<id>` by default).
 */
export function answeredAgentLeg(id: string, atSec: number, opts: AgentLegOpts = {}): ContactEvent[] {
  const added = leg(id, 'TRANSFER', opts.previous);
  return [
    contact('INITIATED', sec(atSec), { ...added, contactLens: opts.contactLens }),
    contact('CONNECTED_TO_AGENT', sec(atSec + 2), { ...added, agent: opts.agent ?? `agent-${id}` }),
  ];
}
