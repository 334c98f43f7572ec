import type { AckRequest, AckResult, BoardPatch, ConferenceDetail, WatchRequest } from './messages';

/** Socket.IO event names, `noun:verb`. The server emits the first group, the browser the second. */
export const SERVER_EVENTS = {
  /** The whole board: sent on connect and on request after a gap. */
  snapshot: 'board:snapshot',
  /** Changed and removed conferences since the last message, with alert changes and acknowledgements. */
  patch: 'board:patch',
  /** The full view of one watched conference, on watch and whenever it changes. */
  detail: 'conference:detail',
  /** The session or token behind this socket ended (signed out, expired, revoked): sign in again. */
  ended: 'session:ended',
} as const;

export const CLIENT_EVENTS = {
  /** "I saw a gap (or reconnected): send me the whole board again." */
  resync: 'board:resync',
  watch: 'conference:watch',
  unwatch: 'conference:unwatch',
  /** Acknowledge a live alert; answered through the Socket.IO acknowledgement callback. */
  ack: 'alert:ack',
} as const;

/** The Socket.IO path the sidecar serves and the web server proxies. */
export const SOCKET_PATH = '/socket.io';

/**
 * The Socket.IO contract as event maps, for `Server<ClientToServerEvents, ServerToClientEvents>` in
 * the sidecar and `Socket<ServerToClientEvents, ClientToServerEvents>` in the browser. Payload types
 * come from the zod schemas in messages.ts; receivers still parse what arrives, since a socket
 * carries whatever its peer sends.
 */
export type ServerToClientEvents = {
  /** A binary frame: UTF-8 JSON of a `BoardSnapshot` (see snapshot-frame). */
  [SERVER_EVENTS.snapshot]: (frame: Uint8Array) => void;
  [SERVER_EVENTS.patch]: (patch: BoardPatch) => void;
  [SERVER_EVENTS.detail]: (detail: ConferenceDetail) => void;
  [SERVER_EVENTS.ended]: (notice: { reason: string }) => void;
};

export type ClientToServerEvents = {
  [CLIENT_EVENTS.resync]: () => void;
  [CLIENT_EVENTS.watch]: (request: WatchRequest) => void;
  [CLIENT_EVENTS.unwatch]: (request: WatchRequest) => void;
  [CLIENT_EVENTS.ack]: (request: AckRequest, reply: (result: AckResult) => void) => void;
};
