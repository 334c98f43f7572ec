import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  AckRequestSchema,
  CLIENT_EVENTS,
  describeIssues,
  SERVER_EVENTS,
  SOCKET_PATH,
  WatchRequestSchema,
  type AckResult,
  type ClientToServerEvents,
  type ConferenceDetail,
  type ServerToClientEvents,
} from '@/lib/realtime';
import { AckError, type Acks } from '@/server/hub/acks';
import type { Metrics } from '@/server/hub/metrics';
import type { BoardFeed, Publisher } from '@/server/hub/publisher';
import type { ReadModel } from '@/server/hub/read-model';
import { ALL, scopeKey, type Scope } from '@/server/hub/scope';
import { createSocketLimits, type SocketLimitSettings } from './socket-limits';

type SocketData = { scope: Scope };
export type BoardServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type SocketServerDeps = {
  board: Pick<Publisher, 'feed'>;
  readModel: Pick<ReadModel, 'liveView'>;
  acks: Pick<Acks, 'acknowledge' | 'current'>;
  metrics: Metrics;
  clockNow: () => number;
  limits: SocketLimitSettings;
};

const boardRoom = (key: string) => `board:${key}`;
/** Watchers of one conference, per scope: a scope's feed says what its watchers may see. */
const detailRoom = (key: string, id: string) => `conference:${key}:${id}`;

/**
 * The Socket.IO side of the sidecar: each browser joins the board of its scope (a snapshot on
 * connect and on request, then that scope's patches), and gets the full view of the conferences it
 * watches. Sockets of one scope share one feed and one broadcast. Every payload from a browser is
 * parsed before use and held to per-client limits; a bad one is answered or ignored, never thrown.
 */
export function attachSocketServer(http: HttpServer, deps: SocketServerDeps): BoardServer {
  const io: BoardServer = new Server(http, {
    path: SOCKET_PATH,
    serveClient: false,
    cors: { origin: false },
  });
  const feeds = new Map<string, { feed: BoardFeed; members: number; unsubscribe: () => void }>();
  let clients = 0;

  const detail = (id: string, feed: BoardFeed): ConferenceDetail => ({
    id,
    serverTime: new Date(deps.clockNow()).toISOString(),
    conference: feed.has(id) ? (deps.readModel.liveView(id) ?? null) : null,
  });

  /** Joins a socket to its scope's board, subscribing that scope's feed for its first member. */
  function joinBoard(socket: BoardSocket): BoardFeed {
    const key = scopeKey(socket.data.scope);
    let entry = feeds.get(key);
    if (!entry) {
      const feed = deps.board.feed(socket.data.scope);
      const unsubscribe = feed.subscribe((patch) => {
        io.to(boardRoom(key)).emit(SERVER_EVENTS.patch, patch);
        for (const id of [...patch.upserts, ...patch.changes].map((c) => c.id).concat(patch.removed)) {
          const room = detailRoom(key, id);
          if ((io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0)
            io.to(room).emit(SERVER_EVENTS.detail, detail(id, feed));
        }
      });
      entry = { feed, members: 0, unsubscribe };
      feeds.set(key, entry);
    }
    entry.members += 1;
    void socket.join(boardRoom(key));
    return entry.feed;
  }

  function leaveBoard(socket: BoardSocket): void {
    const key = scopeKey(socket.data.scope);
    const entry = feeds.get(key);
    if (!entry || --entry.members > 0) return;
    entry.unsubscribe();
    feeds.delete(key);
  }

  io.on('connection', (socket: BoardSocket) => {
    socket.data.scope ??= ALL;
    clients += 1;
    deps.metrics.socketClients.set(clients);
    const feed = joinBoard(socket);
    const sendSnapshot = () => socket.emit(SERVER_EVENTS.snapshot, feed.snapshot(deps.acks.current()));
    const limits = createSocketLimits(deps.limits, sendSnapshot, (event) =>
      deps.metrics.socketThrottled.inc({ event }),
    );
    sendSnapshot();

    socket.use(([event], next) => (limits.allow(String(event)) ? next() : undefined));
    socket.on(CLIENT_EVENTS.resync, () => limits.resync());
    socket.on(CLIENT_EVENTS.watch, (payload: unknown) => {
      const parsed = WatchRequestSchema.safeParse(payload);
      if (!parsed.success) return;
      const room = detailRoom(scopeKey(socket.data.scope), parsed.data.id);
      if (!socket.rooms.has(room)) {
        if (!limits.watch()) return;
        void socket.join(room);
      }
      socket.emit(SERVER_EVENTS.detail, detail(parsed.data.id, feed));
    });
    socket.on(CLIENT_EVENTS.unwatch, (payload: unknown) => {
      const parsed = WatchRequestSchema.safeParse(payload);
      const room = parsed.success ? detailRoom(scopeKey(socket.data.scope), parsed.data.id) : '';
      if (!parsed.success || !socket.rooms.has(room)) return;
      void socket.leave(room);
      limits.unwatch();
    });
    socket.on(CLIENT_EVENTS.ack, (payload: unknown, reply?: unknown) => {
      const respond = typeof reply === 'function' ? (reply as (r: AckResult) => void) : () => {};
      const parsed = AckRequestSchema.safeParse(payload);
      if (!parsed.success) return respond({ ok: false, error: describeIssues(parsed.error) });
      const { by, ...request } = parsed.data;
      deps.acks.acknowledge(request, by, socket.data.scope).then(
        (ack) => respond({ ok: true, ack }),
        (error: unknown) =>
          respond({
            ok: false,
            error: error instanceof AckError ? error.message : 'the acknowledgement could not be stored',
          }),
      );
    });
    socket.on('disconnect', () => {
      limits.stop();
      leaveBoard(socket);
      clients -= 1;
      deps.metrics.socketClients.set(clients);
    });
  });
  return io;
}
