import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyEvent, createEngine, liveConferences } from '@/lib/conference';
import { createNormalizeContext } from '@/server/ingest/normalize-context';
import { NORMALIZERS } from '@/server/ingest/streams';
import type { RecordedItem } from '@/server/sources/recording';
import { readLineChunks, recordStream } from './engine-stream';
import { forceGc } from './force-gc';
import { createLifecycle, defaultHubSettings } from './hub-lifecycle';
import type { EngineResult } from './results';
import { perSecond } from './stats';

export type EngineSuiteOptions = { rawEvents: number; workDir: string; log: (line: string) => void };

const CHUNK_LINES = 20_000;
const TICK_MS = 1_000;

/**
 * Engine throughput against the JSON.parse floor on the same lines. The stream is processed in
 * chunks; each chunk is timed through both sides, alternating which goes first, so the machine's
 * noise lands on both. The engine side is what the hub does per item (parse, normalize, apply) plus
 * its clock-driven lifecycle, ticked once per simulated second so memory stays bounded.
 */
export function runEngineSuite(options: EngineSuiteOptions): EngineResult {
  const path = join(options.workDir, 'engine-stream.jsonl');
  const started = performance.now();
  const stream = recordStream(path, options.rawEvents);
  options.log(`engine: ${stream.lines} raw items recorded in ${Math.round(performance.now() - started)} ms`);
  try {
    return measure(path, stream.lines, stream.deliveredAt);
  } finally {
    rmSync(path, { force: true });
  }
}

function measure(path: string, lines: number, deliveredAt: Float64Array): EngineResult {
  const settings = defaultHubSettings();
  const engine = createEngine(settings.engine);
  const lifecycle = createLifecycle(engine, settings.lifecycle);
  const firstAt = deliveredAt[0] ?? 0;
  const lastAt = deliveredAt[lines - 1] ?? firstAt;
  const halfway = firstAt + (lastAt - firstAt) / 2;
  let nextTick = firstAt + TICK_MS;
  let archivedLate = 0;
  let index = 0;
  let sink = 0;

  const engineSide = (chunk: readonly string[]) => {
    for (const line of chunk) {
      const now = deliveredAt[index++]!;
      while (now >= nextTick) {
        const archived = lifecycle.tick(nextTick);
        if (nextTick > halfway) archivedLate += archived;
        nextTick += TICK_MS;
      }
      const item = JSON.parse(line) as RecordedItem;
      const normalized = NORMALIZERS[item.stream](item.payload, createNormalizeContext(now));
      if (normalized.kind !== 'event') continue;
      for (const rootId of applyEvent(engine, normalized.event, now).changed) lifecycle.heard(rootId, now);
    }
  };
  const parseSide = (chunk: readonly string[]) => {
    for (const line of chunk) sink += (JSON.parse(line) as RecordedItem).at.length;
  };

  let engineMs = 0;
  let parseMs = 0;
  let first = true;
  for (const chunk of readLineChunks(path, CHUNK_LINES)) {
    const timed = (side: (c: readonly string[]) => void) => {
      const t0 = performance.now();
      side(chunk);
      return performance.now() - t0;
    };
    if (first) {
      engineMs += timed(engineSide);
      parseMs += timed(parseSide);
    } else {
      parseMs += timed(parseSide);
      engineMs += timed(engineSide);
    }
    first = !first;
  }
  if (sink === 0 || index !== lines) throw new Error(`engine suite read ${index} of ${lines} lines`);
  const eventsPerSec = perSecond(lines, engineMs);
  const parseFloorPerSec = perSecond(lines, parseMs);
  // Measured before the engine's last use below, so the collection cannot take the engine with it.
  const heapUsedMbAtEnd = measureHeapMb();
  return {
    eventsPerSec: Math.round(eventsPerSec),
    parseFloorPerSec: Math.round(parseFloorPerSec),
    ratio: Math.round((eventsPerSec / parseFloorPerSec) * 1000) / 1000,
    rawEvents: lines,
    liveConferencesAtEnd: liveConferences(engine),
    heapUsedMbAtEnd,
    centreEndsPerSec: Math.round(perSecond(archivedLate, lastAt - halfway) * 100) / 100,
  };
}

/** The heap after a full collection: the engine's kept state, plus the current chunk of lines. */
function measureHeapMb(): number {
  forceGc();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
}
