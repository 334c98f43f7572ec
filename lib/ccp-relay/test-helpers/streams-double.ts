import type { StreamsConnect, StreamsConnection, StreamsContact } from '../streams-types';

type ConnectionSpec = {
  id: string;
  type: 'agent' | 'inbound' | 'outbound' | 'monitoring';
  state: string;
  initial?: boolean;
  endpoint?: { type?: string; phoneNumber?: string; name?: string };
  quickConnect?: string;
  muted?: boolean;
  forcedMute?: boolean;
  barge?: boolean;
};

/** A deterministic stand-in for the Streams objects a CCP hands the relay. */
export function connectionDouble(spec: ConnectionSpec): StreamsConnection & { spec: ConnectionSpec } {
  return {
    spec,
    getConnectionId: () => spec.id,
    getType: () => spec.type,
    getEndpoint: () => spec.endpoint ?? {},
    getState: () => ({ type: spec.state }),
    isInitialConnection: () => spec.initial ?? false,
    getQuickConnectName: () => spec.quickConnect,
    isMute: () => spec.muted ?? false,
    isForcedMute: () => spec.forcedMute ?? false,
    isBarge: () => spec.barge ?? false,
  };
}

export function contactDouble(
  id: string,
  initialId: string,
  connections: StreamsConnection[],
  type = 'voice',
) {
  const refresh: ((c: StreamsContact) => void)[] = [];
  const ended: ((c: StreamsContact) => void)[] = [];
  const contact: StreamsContact & { refresh(): void; end(): void; connections: StreamsConnection[] } = {
    connections,
    getContactId: () => id,
    getInitialContactId: () => initialId,
    getType: () => type,
    getConnections: () => contact.connections,
    getAgentConnection: () => contact.connections.find((c) => c.getType() === 'agent')!,
    onRefresh: (cb) => refresh.push(cb),
    onEnded: (cb) => ended.push(cb),
    refresh: () => refresh.forEach((cb) => cb(contact)),
    end: () => ended.forEach((cb) => cb(contact)),
  };
  return contact;
}

export function connectDouble(agentArn: string) {
  const contactCallbacks: ((c: StreamsContact) => void)[] = [];
  const connect: StreamsConnect & { newContact(c: StreamsContact): void } = {
    agent: (cb) => cb({ getAgentARN: () => agentArn }),
    contact: (cb) => contactCallbacks.push(cb),
    newContact: (c) => contactCallbacks.forEach((cb) => cb(c)),
  };
  return connect;
}
