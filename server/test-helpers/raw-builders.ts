import type { CcpConnectionKind, CcpConnectionState } from '@/lib/conference';

/**
 * Builders for the three raw formats exactly as Amazon Connect (and the CCP relay) send them, for
 * ingest and sidecar tests. Times are seconds after T0.
 */

export const T0 = Date.parse('2026-11-23T10:00:00.000Z');
export const at = (s: number): string => new Date(T0 + s * 1000).toISOString();

const INSTANCE = 'arn:aws:connect:eu-central-1:111122223333:instance/11111111-2222-3333-4444-555555555555';
export const agentArn = (name: string) => `${INSTANCE}/agent/${name}`;
export const queueArn = (name: string) => `${INSTANCE}/queue/${name}`;

let n = 0;
const uid = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

type ContactOpts = {
  root?: string;
  contactId?: string;
  previous?: string;
  method?: string;
  agent?: string;
  queue?: string;
  lens?: boolean;
  phone?: string;
  channel?: string;
  id?: string;
};

/** An EventBridge "Amazon Connect Contact Event" for `eventType` at second `s`. */
export function contactEvent(eventType: string, s: number, opts: ContactOpts = {}) {
  const root = opts.root ?? 'root-1';
  const contactId = opts.contactId ?? root;
  const detail: Record<string, unknown> = {
    eventType,
    contactId,
    channel: opts.channel ?? 'VOICE',
    instanceArn: INSTANCE,
    initiationMethod: opts.method ?? (contactId === root ? 'INBOUND' : 'TRANSFER'),
    initiationTimestamp: at(s),
  };
  if (contactId !== root) detail.initialContactId = root;
  if (opts.previous ?? (contactId !== root ? root : undefined))
    detail.previousContactId = opts.previous ?? root;
  if (opts.queue || eventType === 'QUEUED')
    detail.queueInfo = {
      queueArn: queueArn(opts.queue ?? 'Sales'),
      queueType: 'STANDARD',
      enqueueTimestamp: at(s),
    };
  if (opts.agent) detail.agentInfo = { agentArn: agentArn(opts.agent), connectedToAgentTimestamp: at(s) };
  if (eventType === 'CONNECTED_TO_SYSTEM') detail.connectedToSystemTimestamp = at(s);
  if (eventType === 'DISCONNECTED') detail.disconnectTimestamp = at(s);
  if (opts.phone) detail.customerEndpoint = { type: 'TELEPHONE_NUMBER', address: opts.phone };
  if (opts.lens !== undefined) {
    detail.contactLens = {
      conversationalAnalytics: {
        configuration: { enabled: opts.lens, channelConfiguration: { analyticsModes: ['RealTime'] } },
      },
    };
  }
  return {
    version: '0',
    id: opts.id ?? uid('evt'),
    'detail-type': 'Amazon Connect Contact Event',
    source: 'aws.connect',
    account: '111122223333',
    time: at(s),
    region: 'eu-central-1',
    resources: [`${INSTANCE}/contact/${contactId}`, INSTANCE],
    detail,
  };
}

/** Recursively PascalCases the keys of a contact event's `detail`, as a few AWS samples do. */
export function pascalDetail<T extends { detail: Record<string, unknown> }>(event: T): T {
  const pascal = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(pascal)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v).map(([k, inner]) => [k[0]!.toUpperCase() + k.slice(1), pascal(inner)]),
          )
        : v;
  return { ...event, detail: pascal(event.detail) as Record<string, unknown> };
}

type AgentContactOpts = {
  root?: string;
  contactId?: string;
  method?: string;
  channel?: string;
  /** When the agent joined and the state began (second after T0; default 0). */
  since?: number;
};

export function agentContact(state: string, opts: AgentContactOpts = {}) {
  const root = opts.root ?? 'root-1';
  const contactId = opts.contactId ?? root;
  const since = at(opts.since ?? 0);
  return {
    Channel: opts.channel ?? 'VOICE',
    ConnectedToAgentTimestamp: since,
    ContactId: contactId,
    InitialContactId: root === contactId ? null : root,
    InitiationMethod: opts.method ?? (contactId === root ? 'INBOUND' : 'TRANSFER'),
    Queue: { ARN: queueArn('Sales'), Name: 'Sales' },
    QueueTimestamp: since,
    State: state,
    StateStartTimestamp: since,
  };
}

/** An agent event stream record: agent `name`'s full snapshot at second `s`. */
export function agentEvent(
  name: string,
  s: number,
  contacts: ReturnType<typeof agentContact>[],
  id?: string,
) {
  return {
    AWSAccountId: '111122223333',
    AgentARN: agentArn(name),
    CurrentAgentSnapshot: {
      AgentStatus: {
        ARN: `${INSTANCE}/agent-state/available`,
        Name: 'Available',
        StartTimestamp: at(0),
        Type: 'ROUTABLE',
      },
      Configuration: {
        FirstName: name[0]!.toUpperCase() + name.slice(1),
        LastName: 'Smith',
        Username: name,
        RoutingProfile: { Name: 'Basic' },
      },
      Contacts: contacts,
    },
    EventId: id ?? uid('agent-evt'),
    EventTimestamp: at(s),
    EventType: 'STATE_CHANGE',
    InstanceARN: INSTANCE,
    PreviousAgentSnapshot: null,
    Version: '2019-05-25',
  };
}

type Connection = {
  connectionId?: string;
  kind: CcpConnectionKind;
  state: CcpConnectionState;
  muted?: boolean;
  forcedMute?: boolean;
  agentArn?: string;
  phoneNumber?: string;
  name?: string;
};

/** A CCP relay snapshot from agent `name` on its leg `contactId` at second `s`. */
export function ccpSnapshot(
  name: string,
  s: number,
  connections: Connection[],
  opts: { root?: string; contactId?: string } = {},
) {
  const root = opts.root ?? 'root-1';
  return {
    reportedAt: at(s),
    agentArn: agentArn(name),
    contactId: opts.contactId ?? root,
    initialContactId: root,
    connections: connections.map((c, i) => ({
      connectionId: c.connectionId ?? `conn-${i}`,
      muted: false,
      forcedMute: false,
      ...c,
    })),
  };
}
