import type { Clock } from '@/server/hub/clock';
import { readRecording, type RecordedItem } from './recording';

export type ReplayOptions = {
  file: string;
  /** 1 = real time, 10 = ten times faster, 'max' = no waiting. */
  speed: number | 'max';
  sink: (items: readonly RecordedItem[]) => Promise<void>;
  clock: Clock;
  onError: (error: unknown) => void;
  /** Items closer together than this (recording time) go in one batch. */
  batchMs?: number;
};

/**
 * SOURCE=replay: plays a recording into the sidecar itself, keeping the recording's spacing (divided
 * by the speed) and moving the sidecar clock with the recording, so time-based alerts and replayed
 * times agree.
 */
export function startReplaySource(options: ReplayOptions): { stop(): Promise<void>; done: Promise<void> } {
  let stopped = false;
  const abort = new AbortController();
  const batchMs = options.batchMs ?? 50;
  const done = (async () => {
    let batch: RecordedItem[] = [];
    let batchStart: number | undefined;
    let first: { recorded: number; wall: number } | undefined;
    const flush = async () => {
      if (batch.length === 0) return;
      const recorded = Date.parse(batch[batch.length - 1]!.at);
      if (options.speed !== 'max' && first) {
        const due = first.wall + (recorded - first.recorded) / options.speed;
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait, abort.signal);
        if (stopped) return;
      }
      options.clock.followSource(recorded);
      await options.sink(batch);
      batch = [];
    };
    for await (const { item } of readRecording(options.file)) {
      if (stopped) return;
      const t = Date.parse(item.at);
      first ??= { recorded: t, wall: Date.now() };
      if (batchStart === undefined || t - batchStart > batchMs) {
        await flush();
        batchStart = t;
      }
      batch.push(item);
    }
    if (!stopped) await flush();
  })().catch(options.onError);
  return {
    done,
    async stop() {
      stopped = true;
      abort.abort();
      await done;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
