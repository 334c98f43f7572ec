/**
 * The scale suite's own process, so its RSS is a sidecar's and nothing else's: a real sidecar
 * holding N conferences, its snapshot built and framed as the socket server sends it, then parsed and
 * applied as a browser does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import { applyBoardMessage, BoardSnapshotSchema, decodeSnapshotFrame, SERVER_EVENTS } from '@/lib/realtime';
import { parseEnv } from '@/server/env';
import { silentLogger } from '@/server/log';
import { startSidecar } from '@/server/sidecar';
import { forceGc } from './force-gc';
import { buildConference } from './load-payloads';
import { serveActor } from './rpc';
import { median } from './stats';
import { BENCH_TOKEN } from './wire';

export type ScaleParams = { conferences: number; contactsPerConference: number; repeats: number };
export type ScaleMeasurement = {
  rssEmptyMb: number;
  rssMb: number;
  published: number;
  snapshotBytes: { raw: number; gzip: number };
  snapshotMs: number;
  applyMs: number;
};

const BATCH = 500;

async function measure(params: ScaleParams): Promise<ScaleMeasurement> {
  const dataDir = mkdtempSync(join(tmpdir(), 'confwatch-bench-scale-'));
  const env = parseEnv({
    SIDECAR_PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SOURCE: 'none',
    INGEST_TOKEN: BENCH_TOKEN,
  });
  const sidecar = await startSidecar(env, { log: silentLogger() });
  try {
    forceGc();
    const rssEmptyMb = process.memoryUsage().rss / 1e6;
    const startedAt = Date.now() - 60_000;
    let items: unknown[] = [];
    for (let n = 0; n < params.conferences; n++) {
      items.push(...buildConference('scale', n, params.contactsPerConference, startedAt + n));
      if (items.length >= BATCH || n === params.conferences - 1) {
        const outcome = await sidecar.hub.ingest.ingestRaw('contact-events', items);
        if (outcome.rejected.length > 0) throw new Error(`ingest rejected: ${outcome.rejected[0]!.reason}`);
        items = [];
      }
    }
    sidecar.hub.board.flushNow();
    const published = sidecar.hub.board.publishedSummaries().length;
    forceGc();
    const rssMb = process.memoryUsage().rss / 1e6;

    const encoder = new Encoder();
    // Built and framed as the socket server does on every connect: the joined card JSON in a
    // binary frame, behind Socket.IO's small placeholder packet.
    const encode = () =>
      encoder.encode({
        type: PacketType.EVENT,
        nsp: '/',
        data: [SERVER_EVENTS.snapshot, sidecar.hub.board.feed('all').snapshot(sidecar.hub.acks.current())],
      }) as (string | Uint8Array)[];
    const build: number[] = [];
    const apply: number[] = [];
    let wire: (string | Uint8Array)[] = [];
    for (let i = 0; i < params.repeats; i++) {
      let t0 = performance.now();
      wire = encode();
      build.push(performance.now() - t0);
      t0 = performance.now();
      const decoder = new Decoder();
      let data: unknown;
      decoder.on('decoded', (packet: { data?: unknown[] }) => (data = packet.data?.[1]));
      for (const part of wire) decoder.add(part);
      const message = BoardSnapshotSchema.parse(decodeSnapshotFrame(data));
      const { state } = applyBoardMessage(undefined, { type: 'snapshot', message }, Date.now());
      apply.push(performance.now() - t0);
      if (Object.keys(state?.conferences ?? {}).length !== published)
        throw new Error('the applied board lost conferences');
    }
    const bytes = wire.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part)));
    const whole = Buffer.concat(bytes);
    return {
      rssEmptyMb,
      rssMb,
      published,
      snapshotBytes: { raw: whole.length, gzip: gzipSync(whole).length },
      snapshotMs: median(build),
      applyMs: median(apply),
    };
  } finally {
    await sidecar.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

serveActor({ measure: (params: ScaleParams) => measure(params) });
