/**
 * The transport ceiling for the pipeline suite: the sidecar's HTTP ingest and Socket.IO fan-out
 * with nothing between them. Each posted batch is parsed and broadcast as it came (the same
 * payloads the sidecar receives); no validation, no event log, no engine, no coalescing.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { SOCKET_PATH } from '@/lib/realtime';
import { BARE_EVENT } from './wire';

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
    io.emit(BARE_EVENT, items);
    res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
  });
});
const io = new Server(http, { path: SOCKET_PATH, serveClient: false, cors: { origin: false } });

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  console.log(`bare server listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  void io.close(() => process.exit(0));
});
