import { io, type Socket } from 'socket.io-client';
import { CLIENT_EVENTS, SOCKET_PATH } from '@/lib/realtime';

/**
 * The browser's one Socket.IO connection to the sidecar (through the web origin's proxy), created
 * on first use and kept for the life of the page. It re-sends watch requests after every
 * reconnect, since a restarted sidecar has forgotten its rooms.
 */
let socket: Socket | undefined;
const watched = new Map<string, number>();

export function getSocket(): Socket {
  if (socket) return socket;
  socket = io({ path: SOCKET_PATH, reconnectionDelay: 500, reconnectionDelayMax: 3_000 });
  socket.on('connect', () => {
    for (const id of watched.keys()) socket?.emit(CLIENT_EVENTS.watch, { id });
  });
  return socket;
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
