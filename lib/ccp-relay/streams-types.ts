/**
 * The slice of the Amazon Connect Streams API (amazon-connect-streams) the relay reads. Declared
 * here so the relay has no dependency: a custom CCP passes its own `connect` global in.
 */
export type StreamsEndpoint = { type?: string; phoneNumber?: string; name?: string };

export type StreamsConnection = {
  getConnectionId(): string;
  getType(): string;
  getEndpoint(): StreamsEndpoint;
  getState(): { type: string };
  isInitialConnection(): boolean;
  getQuickConnectName?(): string | undefined;
  isMute?(): boolean;
  isForcedMute?(): boolean;
  isBarge?(): boolean;
};

export type StreamsContact = {
  getContactId(): string;
  getInitialContactId?(): string | undefined;
  getType?(): string;
  getConnections(): StreamsConnection[];
  getAgentConnection(): StreamsConnection;
  onRefresh(callback: (contact: StreamsContact) => void): void;
  onEnded?(callback: (contact: StreamsContact) => void): void;
};

export type StreamsAgent = { getAgentARN(): string };

export type StreamsConnect = {
  agent(callback: (agent: StreamsAgent) => void): void;
  contact(callback: (contact: StreamsContact) => void): void;
};
