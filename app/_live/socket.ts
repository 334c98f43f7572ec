import { io, type Socket } from 'socket.io-client';
import {
  CLIENT_EVENTS,
  SERVER_EVENTS,
  SOCKET_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@/lib/realtime';
import { goToSignIn } from './use-session';

export type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The browser's one Socket.IO connection to the sidecar (through the web origin's proxy), created
 * on first use and kept for the life of the page. It re-sends watch requests after every
 * reconnect, since a restarted sidecar has forgotten its rooms.
 */
let socket: BoardSocket | undefined;
const watched = new Map<string, number>();

export function getSocket(): BoardSocket {
  if (socket) return socket;
  const s: BoardSocket = io({ path: SOCKET_PATH, reconnectionDelay: 500, reconnectionDelayMax: 3_000 });
  socket = s;
  s.on('connect', () => {
    for (const id of watched.keys()) s.emit(CLIENT_EVENTS.watch, { id });
  });
  // The sidecar ended the session (signed out elsewhere, expired, revoked): sign in again.
  s.on(SERVER_EVENTS.ended, () => goToSignIn());
  // A refusal at the handshake (not a sidecar that is down, which is retried): is the session gone?
  s.on('connect_error', () => {
    if (s.active) return;
    void fetch('/api/auth/session').then((answer) => {
      if (answer.status === 401) goToSignIn();
      else setTimeout(() => s.connect(), 3_000);
    });
  });
  return s;
}

/** Watch a conference's full view; returns the unwatch. Counted, so two watchers share one room. */
export function watchConference(id: string): () => void {
  const s = getSocket();
  const count = watched.get(id) ?? 0;
  watched.set(id, count + 1);
  if (count === 0 && s.connected) s.emit(CLIENT_EVENTS.watch, { id });
  return () => {
    const left = (watched.get(id) ?? 1) - 1;
    if (left > 0) return void watched.set(id, left);
    watched.delete(id);
    if (s.connected) s.emit(CLIENT_EVENTS.unwatch, { id });
  };
}
