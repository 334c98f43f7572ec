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
import type { Audit } from '@/server/auth/audit';
import { describeScope, type Identity } from '@/server/auth/identity';
import { can } from '@/server/auth/roles';
import { scopeKey } from '@/server/hub/scope';
import { createSocketLimits, type SocketLimitSettings } from './socket-limits';

type SocketData = { identity: Identity };
export type BoardServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type SocketServerDeps = {
  board: Pick<Publisher, 'feed'>;
  readModel: Pick<ReadModel, 'liveView' | 'inScope'>;
  acks: Pick<Acks, 'acknowledge' | 'current'>;
  metrics: Metrics;
  clockNow: () => number;
  limits: SocketLimitSettings;
  /** Who is connecting: decided once, at the handshake, by the same resolver as HTTP requests. */
  authenticate: (handshake: Handshake) => Promise<Identity | string>;
  /** Whether an identity seen at the handshake still stands (checked every few seconds). */
  stillValid: (identity: Identity) => Promise<boolean>;
  audit: Audit;
};

/** What a socket offers at its handshake. */
export type Handshake = { headers: Record<string, string | string[] | undefined>; token: string | undefined };

/** How often open sockets are checked against their sessions and tokens. */
export const RECHECK_MS = 5_000;

const boardRoom = (key: string) => `board:${key}`;
/** Sockets that share a feed: one scope, and one variant (full, or masked for the wallboard role). */
const feedKey = (identity: Identity) =>
  can(identity.role, 'board:read') ? scopeKey(identity.scope) : `masked:${scopeKey(identity.scope)}`;
/** Watchers of one conference, per scope: a scope's feed says what its watchers may see. */
const detailRoom = (key: string, id: string) => `conference:${key}:${id}`;

/**
 * The Socket.IO side of the sidecar: each browser joins the board of its scope (a snapshot on
 * connect and on request, then that scope's patches), and gets the full view of the conferences it
 * watches. Sockets of one scope share one feed and one broadcast. Every payload from a browser is
 * parsed before use and held to per-client limits; a bad one is answered or ignored, never thrown.
 */
export function attachSocketServer(
  http: HttpServer,
  deps: SocketServerDeps,
): BoardServer & { endTokenSockets(tokenId: string): void; stopChecks(): void } {
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

  /**
   * Joins a socket to its scope's board, subscribing that scope's feed for its first member. A role
   * without the board (the wallboard's) gets the masked feed: no customer's number reaches it.
   */
  function joinBoard(socket: BoardSocket): BoardFeed {
    const { identity } = socket.data;
    const key = feedKey(identity);
    let entry = feeds.get(key);
    if (!entry) {
      const feed = deps.board.feed(identity.scope, can(identity.role, 'board:read') ? 'full' : 'masked');
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
    const key = feedKey(socket.data.identity);
    const entry = feeds.get(key);
    if (!entry || --entry.members > 0) return;
    entry.unsubscribe();
    feeds.delete(key);
  }

  // Who is calling is decided here, once; a socket without a board role never connects.
  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    deps
      .authenticate({
        headers: socket.handshake.headers,
        token: typeof token === 'string' ? token : undefined,
      })
      .then((identity) => {
        if (typeof identity === 'string') return next(new Error(identity));
        socket.data.identity = identity;
        next();
      })
      .catch((error: unknown) => next(error instanceof Error ? error : new Error(String(error))));
  });

  const end = (socket: BoardSocket, reason: string) => {
    socket.emit(SERVER_EVENTS.ended, { reason });
    socket.disconnect(true);
  };
  const recheck = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      void deps.stillValid(socket.data.identity).then(
        (valid) => valid || end(socket, 'your session ended; sign in again'),
        () => undefined,
      );
    }
  }, RECHECK_MS);
  recheck.unref();

  /** A live call asked for outside the socket's scope: refused as unknown, and audited. */
  const auditOutOfScope = (identity: Identity, target: string, id: string) => {
    if (
      identity.scope === 'all' ||
      deps.readModel.inScope(id, identity.scope) ||
      !deps.readModel.liveView(id)
    )
      return;
    void deps.audit.record({
      actor: identity.name,
      action: 'denied',
      outcome: 'denied',
      target: `${target} ${id}`,
      detail: `out of scope (${describeScope(identity.scope)})`,
    });
  };

  io.on('connection', (socket: BoardSocket) => {
    const { identity } = socket.data;
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
      if (!can(identity.role, 'board:read')) {
        void deps.audit.record({
          actor: identity.name,
          action: 'denied',
          outcome: 'denied',
          target: `${CLIENT_EVENTS.watch} ${parsed.data.id}`,
          detail: `role ${identity.role} lacks board:read`,
        });
        return;
      }
      auditOutOfScope(identity, CLIENT_EVENTS.watch, parsed.data.id);
      const room = detailRoom(scopeKey(identity.scope), parsed.data.id);
      if (!socket.rooms.has(room)) {
        if (!limits.watch()) return;
        void socket.join(room);
      }
      socket.emit(SERVER_EVENTS.detail, detail(parsed.data.id, feed));
    });
    socket.on(CLIENT_EVENTS.unwatch, (payload: unknown) => {
      const parsed = WatchRequestSchema.safeParse(payload);
      const room = parsed.success ? detailRoom(scopeKey(identity.scope), parsed.data.id) : '';
      if (!parsed.success || !socket.rooms.has(room)) return;
      void socket.leave(room);
      limits.unwatch();
    });
    socket.on(CLIENT_EVENTS.ack, (payload: unknown, reply?: unknown) => {
      const respond = typeof reply === 'function' ? (reply as (r: AckResult) => void) : () => {};
      const parsed = AckRequestSchema.safeParse(payload);
      if (!parsed.success) return respond({ ok: false, error: describeIssues(parsed.error) });
      if (!can(identity.role, 'alerts:ack')) {
        void deps.audit.record({
          actor: identity.name,
          action: 'denied',
          outcome: 'denied',
          target: `alert:ack ${parsed.data.conferenceId}`,
          detail: `role ${identity.role} lacks alerts:ack`,
        });
        return respond({ ok: false, error: `the ${identity.role} role may not acknowledge alerts` });
      }
      deps.acks.acknowledge(parsed.data, identity.name, identity.scope).then(
        (ack) => {
          void deps.audit.record({
            actor: identity.name,
            action: 'ack',
            target: `${ack.conferenceId} ${ack.kind} ${ack.raisedAt}`,
          });
          respond({ ok: true, ack });
        },
        (error: unknown) => {
          auditOutOfScope(identity, CLIENT_EVENTS.ack, parsed.data.conferenceId);
          respond({
            ok: false,
            error: error instanceof AckError ? error.message : 'the acknowledgement could not be stored',
          });
        },
      );
    });
    socket.on('disconnect', () => {
      limits.stop();
      leaveBoard(socket);
      clients -= 1;
      deps.metrics.socketClients.set(clients);
    });
  });
  return Object.assign(io, {
    stopChecks: () => clearInterval(recheck),
    /** Ends, at once, every socket a revoked token opened (or a session made from it). */
    endTokenSockets(tokenId: string): void {
      for (const socket of io.of('/').sockets.values())
        if (socket.data.identity.tokenId === tokenId) end(socket, 'the token was revoked');
    },
  });
}
