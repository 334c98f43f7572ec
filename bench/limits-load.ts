/**
 * The limits suite's load, in a process of its own: readers fetching the largest page
 * `GET /api/conferences` allows, back to back, and Socket.IO clients asking for a resync every few
 * milliseconds (the flood that once had a 20-byte message return the whole board each time).
 * Bodies and snapshots are counted, not parsed: the load is the sidecar's to carry.
 */
import { io, type Socket } from 'socket.io-client';
import { CLIENT_EVENTS, SERVER_EVENTS, SOCKET_PATH } from '@/lib/realtime';
import { serveActor } from './rpc';

export type LoadParams = {
  url: string;
  token: string;
  pageSize: number;
  readers: number;
  resyncClients: number;
  resyncEveryMs: number;
};
export type LoadReport = {
  lists: number;
  listBytes: number;
  failedLists: number;
  snapshots: number;
  resyncsSent: number;
};

let running = false;
let readers: Promise<void>[] = [];
let sockets: Socket[] = [];
let timers: NodeJS.Timeout[] = [];
let report: LoadReport = { lists: 0, listBytes: 0, failedLists: 0, snapshots: 0, resyncsSent: 0 };

async function readLoop(params: LoadParams): Promise<void> {
  const url = `${params.url}/api/conferences?limit=${params.pageSize}`;
  const headers = { authorization: `Bearer ${params.token}` };
  while (running) {
    try {
      const res = await fetch(url, { headers });
      const bytes = (await res.arrayBuffer()).byteLength;
      if (res.ok) {
        report.lists += 1;
        report.listBytes += bytes;
      } else report.failedLists += 1;
    } catch {
      report.failedLists += 1;
    }
  }
}

function connectOne(params: LoadParams): Promise<Socket> {
  const socket = io(params.url, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token: params.token },
  });
  socket.on(SERVER_EVENTS.snapshot, () => (report.snapshots += 1));
  return new Promise((resolve, reject) => {
    socket.once(SERVER_EVENTS.snapshot, () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function start(params: LoadParams): Promise<void> {
  report = { lists: 0, listBytes: 0, failedLists: 0, snapshots: 0, resyncsSent: 0 };
  sockets = await Promise.all(Array.from({ length: params.resyncClients }, () => connectOne(params)));
  running = true;
  for (const socket of sockets)
    timers.push(
      setInterval(() => {
        socket.emit(CLIENT_EVENTS.resync);
        report.resyncsSent += 1;
      }, params.resyncEveryMs),
    );
  readers = Array.from({ length: params.readers }, () => readLoop(params));
}

async function stop(): Promise<LoadReport> {
  running = false;
  for (const timer of timers) clearInterval(timer);
  timers = [];
  await Promise.all(readers);
  readers = [];
  for (const socket of sockets) socket.close();
  sockets = [];
  return report;
}

serveActor({ ready: () => true, start: (p: LoadParams) => start(p), stop }, async () => void (await stop()));
