import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  AckRequestSchema,
  CLIENT_EVENTS,
  SERVER_EVENTS,
  SOCKET_PATH,
  WatchRequestSchema,
  type AckResult,
  type ConferenceDetail,
} from '@/lib/realtime';
import { AckError, type Hub } from '@/server/hub/hub';
import type { Metrics } from '@/server/hub/metrics';

const room = (id: string) => `conference:${id}`;

/**
 * The Socket.IO side of the sidecar: a snapshot on connect and on request, board patches to every
 * client, and the full view of a conference to the clients watching it. Every payload from a
 * browser is parsed before use; a bad one is answered or ignored, never thrown.
 */
export function attachSocketServer(
  http: HttpServer,
  hub: Hub,
  metrics: Metrics,
  clockNow: () => number,
): Server {
  const io = new Server(http, { path: SOCKET_PATH, serveClient: false, cors: { origin: false } });

  const detail = (id: string): ConferenceDetail => ({
    id,
    serverTime: new Date(clockNow()).toISOString(),
    conference: hub.liveView(id) ?? null,
  });

  hub.onPatch((patch) => {
    io.emit(SERVER_EVENTS.patch, patch);
    for (const id of [...patch.upserts, ...patch.changes].map((c) => c.id).concat(patch.removed)) {
      if ((io.sockets.adapter.rooms.get(room(id))?.size ?? 0) > 0)
        io.to(room(id)).emit(SERVER_EVENTS.detail, detail(id));
    }
  });

  io.on('connection', (socket: Socket) => {
    metrics.socketClients.set({}, io.engine.clientsCount);
    socket.emit(SERVER_EVENTS.snapshot, hub.encodedSnapshot());
    socket.on(CLIENT_EVENTS.resync, () => socket.emit(SERVER_EVENTS.snapshot, hub.encodedSnapshot()));
    socket.on(CLIENT_EVENTS.watch, (payload: unknown) => {
      const parsed = WatchRequestSchema.safeParse(payload);
      if (!parsed.success) return;
      void socket.join(room(parsed.data.id));
      socket.emit(SERVER_EVENTS.detail, detail(parsed.data.id));
    });
    socket.on(CLIENT_EVENTS.unwatch, (payload: unknown) => {
      const parsed = WatchRequestSchema.safeParse(payload);
      if (parsed.success) void socket.leave(room(parsed.data.id));
    });
    socket.on(CLIENT_EVENTS.ack, (payload: unknown, reply?: unknown) => {
      const respond = typeof reply === 'function' ? (reply as (r: AckResult) => void) : () => {};
      const parsed = AckRequestSchema.safeParse(payload);
      if (!parsed.success)
        return respond({
          ok: false,
          error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        });
      hub.acknowledge(parsed.data).then(
        (ack) => respond({ ok: true, ack }),
        (error: unknown) =>
          respond({
            ok: false,
            error: error instanceof AckError ? error.message : 'the acknowledgement could not be stored',
          }),
      );
    });
    socket.on('disconnect', () => metrics.socketClients.set({}, io.engine.clientsCount));
  });
  return io;
}
