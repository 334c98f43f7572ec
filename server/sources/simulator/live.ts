import type { RecordedItem } from '../recording';
import type { SimulatorConfig } from './config';
import { createSimulator } from './simulator';

export type LiveSimulatorOptions = {
  config: Partial<SimulatorConfig>;
  sink: (items: RecordedItem[]) => Promise<void>;
  /** Wall clock, epoch ms. */
  now: () => number;
  tickMs?: number;
  /** Simulated milliseconds per wall-clock millisecond. */
  speed?: number;
  onError?: (error: unknown) => void;
  /** After each tick that handed its items over, the simulated time reached (where a restart resumes). */
  onAdvanced?: (simulatedAt: number) => void;
};

/**
 * Runs the simulator in real time (optionally sped up): every tick it advances to the wall clock's
 * simulated counterpart and hands what was delivered to `sink`. A tick waits for the previous
 * sink call, so items reach the sink in order. Starts at `now()` unless the config names `startAt`.
 */
export function startLiveSimulator(options: LiveSimulatorOptions): { stop(): Promise<void> } {
  const { sink, now, tickMs = 250, speed = 1 } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('simulator sink failed', error));
  const wallStart = now();
  const startAt = options.config.startAt ?? wallStart;
  const simulator = createSimulator({ ...options.config, startAt });
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    const simulatedAt = Math.floor(startAt + (now() - wallStart) * speed);
    const items = simulator.advance(simulatedAt);
    if (items.length > 0) await sink(items);
    options.onAdvanced?.(simulatedAt);
  };
  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, tickMs);
      });
  };
  loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
