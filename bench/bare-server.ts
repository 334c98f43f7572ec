/**
 * The transport limit for the pipeline suite, as an actor: HTTP ingest and Socket.IO fan-out with
 * nothing between them, no validation, no event log, no engine. Each posted batch is parsed, then
 *
 * - `replay` mode (the anchor of `pipeline.transportRatio`): the frames the sidecar pushed for the
 *   post of the same ordinal in its step at the same rate go out to every client, with this step's
 *   post times in them (see pipeline-replay.ts): the sidecar's own bytes, pushed with none of its
 *   work;
 * - `raw-relay` mode (`pipeline.rawRelayRatio`): the posted items go out as they came.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { SERVER_EVENTS, SOCKET_PATH } from '@/lib/realtime';
import { fillFrame, planReplay, type Recording, type ReplayFrame } from './pipeline-replay';
import { serveActor } from './rpc';
import { POST_ORDINAL_HEADER, RAW_RELAY_EVENT } from './wire';

export type BareMode = 'replay' | 'raw-relay';
export type ReplayCount = { planned: number; pushed: number };

let mode: BareMode = 'raw-relay';
let plan = new Map<number, ReplayFrame[]>();
let recordedTimes: number[] = [];
/** This step's post times (ISO, as posted) by ordinal. */
let received = new Map<number, string>();
/** This step's clock against the sidecar step's, from the latest post: places posts not seen here. */
let shiftMs = 0;
let count: ReplayCount = { planned: 0, pushed: 0 };

const http = createServer((req, res) => {
  if (req.method !== 'POST' || !req.url?.startsWith('/ingest/')) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let items: unknown;
    try {
      items = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (mode === 'raw-relay') io.emit(RAW_RELAY_EVENT, items);
    else replayPost(req, items);
    res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
  });
});
const io = new Server(http, { path: SOCKET_PATH, serveClient: false, cors: { origin: false } });

function replayPost(req: IncomingMessage, items: unknown): void {
  const ordinal = Number(req.headers[POST_ORDINAL_HEADER]);
  const reportedAt = Array.isArray(items)
    ? (items[0] as { reportedAt?: unknown } | undefined)?.reportedAt
    : undefined;
  // A post sent again after a lost connection is the same post: its frames have gone out once.
  if (!Number.isInteger(ordinal) || typeof reportedAt !== 'string' || received.has(ordinal)) return;
  received.set(ordinal, reportedAt);
  if (recordedTimes[ordinal] !== undefined) shiftMs = Date.parse(reportedAt) - recordedTimes[ordinal];
  pushFrames(ordinal);
}

/**
 * A post that has not arrived (posts overtake each other, or this step sent fewer) is placed by the
 * sidecar step's spacing.
 */
const postTime = (k: number) =>
  received.get(k) ?? new Date((recordedTimes[k] ?? recordedTimes.at(-1) ?? 0) + shiftMs).toISOString();

function pushFrames(ordinal: number): void {
  const frames = plan.get(ordinal);
  if (!frames) return;
  plan.delete(ordinal);
  for (const frame of frames) {
    io.emit(SERVER_EVENTS.patch, fillFrame(frame, postTime, new Date().toISOString()));
    count.pushed += 1;
  }
}

/**
 * After the load: the frames whose post never came here (the timer sent a post or two fewer than on
 * the sidecar, which answers a backlog with frames after its last post) go out now.
 */
function flush(): number {
  const left = [...plan.keys()].sort((a, b) => a - b);
  for (const ordinal of left) pushFrames(ordinal);
  return left.length;
}

function listen(params: { mode: BareMode }): Promise<string> {
  mode = params.mode;
  return new Promise((resolve) =>
    http.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(http.address() as AddressInfo).port}`)),
  );
}

/** Loads the sidecar's step at the rate about to be offered here; returns how many frames it holds. */
function arm(recording: Recording): number {
  plan = planReplay(recording);
  recordedTimes = recording.postTimes;
  received = new Map();
  shiftMs = 0;
  count = { planned: recording.frames.length, pushed: 0 };
  return count.planned;
}

serveActor(
  {
    listen: (p: { mode: BareMode }) => listen(p),
    arm: (r: Recording) => arm(r),
    flush,
    replayed: (): ReplayCount => count,
  },
  () => new Promise<void>((resolve) => void io.close(() => resolve())),
);
