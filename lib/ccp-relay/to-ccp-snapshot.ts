import type { CcpConnectionKind, CcpConnectionState, MonitorMode } from '@/lib/conference';
import type { StreamsConnection, StreamsContact } from './streams-types';

export type RelayConnection = {
  connectionId: string;
  kind: CcpConnectionKind;
  state: CcpConnectionState;
  muted?: boolean;
  forcedMute?: boolean;
  phoneNumber?: string;
  name?: string;
  monitorMode?: MonitorMode;
};

/** The CCP relay format the sidecar's `POST /ingest/ccp` accepts (lib/conference/SPEC.md, Inputs). */
export type RelaySnapshot = {
  reportedAt: string;
  agentArn: string;
  contactId: string;
  initialContactId: string;
  connections: RelayConnection[];
};

const STATES: Record<string, RelayConnection['state']> = {
  init: 'connecting',
  connecting: 'connecting',
  connected: 'connected',
  hold: 'hold',
  disconnected: 'disconnected',
  silent_monitor: 'connected',
  barge: 'connected',
};

/** One Streams contact, as this agent's CCP sees it now, in the relay format. */
export function toCcpSnapshot(contact: StreamsContact, agentArn: string, reportedAt: Date): RelaySnapshot {
  const self = contact.getAgentConnection().getConnectionId();
  const contactId = contact.getContactId();
  return {
    reportedAt: reportedAt.toISOString(),
    agentArn,
    contactId,
    initialContactId: contact.getInitialContactId?.() || contactId,
    connections: contact.getConnections().map((c) => toConnection(c, c.getConnectionId() === self)),
  };
}

function toConnection(c: StreamsConnection, isSelf: boolean): RelayConnection {
  const endpoint = c.getEndpoint();
  const out: RelayConnection = {
    connectionId: c.getConnectionId(),
    kind: kindOf(c, isSelf),
    state: STATES[c.getState().type] ?? 'connected',
  };
  if (c.isMute) out.muted = c.isMute();
  if (c.isForcedMute) out.forcedMute = c.isForcedMute();
  if (out.kind === 'external' || out.kind === 'customer') {
    if (endpoint.phoneNumber) out.phoneNumber = endpoint.phoneNumber;
  }
  const name = c.getQuickConnectName?.() ?? endpoint.name;
  if (name && out.kind !== 'self') out.name = name;
  if (out.kind === 'supervisor') out.monitorMode = c.isBarge?.() ? 'barge' : 'silent';
  return out;
}

function kindOf(c: StreamsConnection, isSelf: boolean): RelayConnection['kind'] {
  if (isSelf) return 'self';
  const type = c.getType();
  if (type === 'monitoring') return 'supervisor';
  if (c.isInitialConnection()) return 'customer';
  return c.getEndpoint().type === 'agent' || type === 'agent' ? 'agent' : 'external';
}
