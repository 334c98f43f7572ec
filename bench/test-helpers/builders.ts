import { isSustained } from '../pipeline-ladder';
import type { PipelineStep } from '../results';

/** A sidecar step that kept up, at `rate` offered; tests spoil one figure at a time. */
export function buildStep(rate: number, overrides: Partial<PipelineStep> = {}): PipelineStep {
  const step = {
    side: 'sidecar' as const,
    offeredPerSec: rate,
    sentPerSec: rate,
    p50Ms: 5,
    p99Ms: 40,
    samples: 1_000,
    deliveredShare: 1,
    failedPosts: 0,
    pushedBytesPerEvent: 60,
    ...overrides,
  };
  return { ...step, sustained: overrides.sustained ?? isSustained(step) };
}
