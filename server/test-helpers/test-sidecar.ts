import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { parseEnv } from '@/server/env';
import { createAccounts } from '@/server/auth/accounts';
import { silentLogger, type Logger } from '@/server/log';
import { startSidecar, type Sidecar, type SidecarOptions } from '@/server/sidecar';
import {
  applyBoardMessage,
  BoardSnapshotSchema,
  decodeSnapshotFrame,
  SERVER_EVENTS,
  SOCKET_PATH,
  type BoardPatch,
  type BoardSnapshot,
  type BoardState,
  type ConferenceDetail,
  type ConferenceSummary,
} from '@/lib/realtime';
import { LONG_INGEST_WINDOW } from './ingest-window';

export const TOKEN = 'test-token-0123456789abcdef';
/** The test sidecars' ADMIN_TOKEN: reads and sockets use it unless a test says otherwise. */
export const ADMIN = 'test-admin-token-0123456789abcdef';

export type TestSidecar = Sidecar & {
  dataDir: string;
  post(
    stream: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  /** A GET as the admin token (or with `token`, or none when null). */
  get(path: string, token?: string | null): Promise<{ status: number; body: any }>;
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** A new API token of `role` (made as `npm run token` makes one); it works at once. */
  token(role: string, scope?: { queues?: string[]; groups?: string[] }): Promise<string>;
};

/** A real sidecar on port 0 with its own data directory and no source (tests post the data). */
export async function startTestSidecar(
  overrides: Record<string, string> = {},
  dataDir?: string,
  log: Logger = silentLogger(),
  options: Omit<SidecarOptions, 'log'> = {},
): Promise<TestSidecar> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'confwatch-test-'));
  const env = parseEnv({
    SIDECAR_PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    SOURCE: 'none',
    INGEST_TOKEN: TOKEN,
    ADMIN_TOKEN: ADMIN,
    ...LONG_INGEST_WINDOW,
    ...overrides,
  });
  const sidecar = await startSidecar(env, { log, tickMs: 50, ...options });
  return {
    ...sidecar,
    dataDir: dir,
    async post(stream, body, headers = {}) {
      const res = await fetch(`${sidecar.url}/ingest/${stream}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    async get(path, token = ADMIN) {
      const res = await fetch(`${sidecar.url}${path}`, {
        headers: token === null ? {} : { authorization: `Bearer ${token}` },
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Prometheus text and the like stay text.
      }
      return { status: res.status, body };
    },
    async token(role, scope = {}) {
      const created = await createAccounts(sidecar.store).createToken({ role, createdBy: 'test', ...scope });
      return created.token;
    },
    async stop(options = {}) {
      await sidecar.close();
      if (!options.keepData && !dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type BoardClient = {
  socket: Socket;
  snapshots: BoardSnapshot[];
  patches: BoardPatch[];
  details: ConferenceDetail[];
  /**
   * Every card a patch pushed (whole or as a change), as the client holds it after that patch: the
   * patches applied over the first snapshot with the shared reducer, as a browser does.
   */
  pushes: { seq: number; serverTime: string; card: ConferenceSummary }[];
  /** Resolves once `predicate` holds for what has been received (checked on every message). */
  until(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
};

/** A real socket.io-client connected to the sidecar, recording every message it receives. */
export function connectBoardClient(url: string, token: string | null = ADMIN): BoardClient {
  const socket = io(url, {
    ...(token === null ? {} : { auth: { token } }),
    path: SOCKET_PATH,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const client: BoardClient = {
    socket,
    snapshots: [],
    patches: [],
    details: [],
    pushes: [],
    until(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        if (predicate()) return resolve();
        const check = () => {
          if (!predicate()) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`condition not met within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          socket.off(SERVER_EVENTS.snapshot, check);
          socket.off(SERVER_EVENTS.patch, check);
          socket.off(SERVER_EVENTS.detail, check);
        };
        socket.on(SERVER_EVENTS.snapshot, check);
        socket.on(SERVER_EVENTS.patch, check);
        socket.on(SERVER_EVENTS.detail, check);
      });
    },
    close: () => socket.close(),
  };
  socket.on(SERVER_EVENTS.snapshot, (frame: unknown) =>
    client.snapshots.push(BoardSnapshotSchema.parse(decodeSnapshotFrame(frame))),
  );
  let board: BoardState | undefined;
  socket.on(SERVER_EVENTS.snapshot, () => {
    const m = client.snapshots.at(-1)!;
    board ??= applyBoardMessage(undefined, { type: 'snapshot', message: m }, Date.now()).state;
  });
  socket.on(SERVER_EVENTS.patch, (m: BoardPatch) => {
    client.patches.push(m);
    board = applyBoardMessage(board, { type: 'patch', message: m }, Date.now()).state;
    for (const { id } of [...m.upserts, ...m.changes]) {
      const card = board?.conferences[id];
      if (card) client.pushes.push({ seq: m.seq, serverTime: m.serverTime, card });
    }
  });
  socket.on(SERVER_EVENTS.detail, (m: ConferenceDetail) => client.details.push(m));
  return client;
}
