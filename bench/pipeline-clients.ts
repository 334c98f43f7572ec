/**
 * The pipeline suite's browsers: N socket.io-clients in one process of their own. Each records,
 * for every load event a push carries, the time from its posting (its `reportedAt`, the load
 * generator's wall clock) to its arrival here (the same machine's wall clock). The first client
 * also counts the bytes pushed to it and, on the sidecar, records the frames for the bare server.
 */
import { io, type Socket } from 'socket.io-client';
import { SERVER_EVENTS, SOCKET_PATH, type BoardPatch } from '@/lib/realtime';
import type { RecordedFrame } from './pipeline-replay';
import type { PipelineSide } from './results';
import { RAW_RELAY_EVENT } from './wire';
import { serveActor } from './rpc';
import {
  countSamples,
  createHistogram,
  histogramPercentile,
  recordLatency,
  type LatencyHistogram,
} from './stats';

/** `token` signs the sockets in (a sidecar's board needs an identity; the bare servers ignore it). */
export type ConnectParams = { url: string; count: number; mode: PipelineSide; token?: string };
export type BeginParams = { from: number; record?: boolean };
export type WindowReport = {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  firstClientItems: number;
};

let sockets: Socket[] = [];
let histogram: LatencyHistogram = createHistogram();
let from = Infinity;
let firstClientItems = 0;
let firstClientBytes = 0;
let lastMessageAt = 0;
let recording: RecordedFrame[] | undefined;

function record(sentAtIso: string, receivedAt: number, first: boolean): void {
  const sentAt = Date.parse(sentAtIso);
  if (sentAt < from) return;
  recordLatency(histogram, receivedAt - sentAt);
  if (first) firstClientItems += 1;
}

function connectOne(params: ConnectParams, index: number): Promise<Socket> {
  const socket = io(params.url, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(params.token ? { auth: { token: params.token } } : {}),
  });
  const first = index === 0;
  if (first) {
    socket.io.engine.on('packet', (packet) => {
      if (packet.type === 'message' && typeof packet.data === 'string')
        firstClientBytes += packet.data.length;
    });
  }
  if (params.mode !== 'raw-relay') {
    socket.on(SERVER_EVENTS.patch, (patch: BoardPatch) => {
      const now = Date.now();
      lastMessageAt = now;
      if (first) recording?.push({ at: now, patch });
      for (const c of patch.upserts) record(c.lastEventAt, now, first);
      // A change names lastEventAt whenever a new fact arrived (every fact moves it).
      for (const c of patch.changes) if (c.lastEventAt !== undefined) record(c.lastEventAt, now, first);
    });
  } else {
    socket.on(RAW_RELAY_EVENT, (items: { reportedAt: string }[]) => {
      const now = Date.now();
      lastMessageAt = now;
      for (const item of items) record(item.reportedAt, now, first);
    });
  }
  // A sidecar client is ready with its first snapshot; a bare server sends none.
  const ready = params.mode === 'sidecar' ? SERVER_EVENTS.snapshot : 'connect';
  return new Promise((resolve, reject) => {
    socket.once(ready, () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

async function connect(params: ConnectParams): Promise<number> {
  // A few at a time: a hundred snapshots at once would time the connection storm, not the board.
  for (let i = 0; i < params.count; i += 10) {
    const batch = Array.from({ length: Math.min(10, params.count - i) }, (_, k) => connectOne(params, i + k));
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets.length;
}

function begin(params: BeginParams): void {
  histogram = createHistogram();
  firstClientItems = 0;
  firstClientBytes = 0;
  from = params.from;
  recording = params.record ? [] : undefined;
}

/** Socket.IO message bytes the first client has received since `begin`. */
const pushedBytes = (): number => firstClientBytes;

/** The frames the first client received since a `begin` that asked for them, handed over once. */
function takeRecording(): RecordedFrame[] {
  const frames = recording ?? [];
  recording = undefined;
  return frames;
}

/** Past the histogram's range a latency is reported as the range itself (IPC cannot carry Infinity). */
const capped = (ms: number) => Math.min(ms, histogram.maxMs);

function end(): WindowReport {
  from = Infinity;
  const samples = countSamples(histogram);
  if (samples === 0) return { samples, p50Ms: 0, p99Ms: 0, maxMs: 0, firstClientItems };
  return {
    samples,
    p50Ms: capped(histogramPercentile(histogram, 50)),
    p99Ms: capped(histogramPercentile(histogram, 99)),
    maxMs: capped(histogramPercentile(histogram, 100)),
    firstClientItems,
  };
}

export type QuietParams = { quietMs: number; timeoutMs: number };

/**
 * Resolves once no push has arrived for `quietMs` (or after `timeoutMs`): the backlog of an
 * overloaded step, in the server and in this process, is gone and cannot take CPU from the next
 * step, whichever side that is. Returns how long it waited.
 */
function quiet(params: QuietParams): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    const check = () => {
      const now = Date.now();
      if (now - lastMessageAt >= params.quietMs || now - started >= params.timeoutMs) resolve(now - started);
      else setTimeout(check, 50);
    };
    check();
  });
}

function close(): void {
  for (const socket of sockets) socket.close();
  sockets = [];
}

serveActor(
  {
    connect: (p: ConnectParams) => connect(p),
    begin: (p: BeginParams) => begin(p),
    end,
    takeRecording,
    pushedBytes,
    quiet: (p: QuietParams) => quiet(p),
    close,
  },
  close,
);
