import type { PipelineResult, PipelineSide, PipelineStep } from './results';

/** The rate the issue fixes for the latency figures. */
export const REFERENCE_RATE = 2_000;

/** The pipeline's latency ceiling: the rate search stops where p99 passes it (issue #5). */
export const P99_CEILING_MS = 100;
/** A step whose load generator sent less than this share of the offered rate was not sustained. */
const MIN_SENT_SHARE = 0.95;

/** Whether a step kept up: every post accepted, the offered rate actually sent, p99 within the ceiling. */
export function isSustained(step: Omit<PipelineStep, 'sustained'>): boolean {
  return (
    step.samples > 0 &&
    step.failedPosts === 0 &&
    step.sentPerSec >= MIN_SENT_SHARE * step.offeredPerSec &&
    step.p99Ms <= P99_CEILING_MS
  );
}

/** The highest offered rate among a side's sustained steps (0 when none was). */
export function maxSustained(steps: readonly PipelineStep[], side: PipelineSide): number {
  return steps
    .filter((s) => s.side === side && s.sustained)
    .reduce((max, s) => Math.max(max, s.offeredPerSec), 0);
}

/**
 * The next rate to try after the rising ladder has found a failure: halfway between the highest
 * sustained rate and the lowest failed rate above it, or undefined once they are within `precision`.
 */
export function nextBisection(
  steps: readonly PipelineStep[],
  side: PipelineSide,
  precision = 0.1,
): number | undefined {
  const best = maxSustained(steps, side);
  const failed = steps
    .filter((s) => s.side === side && !s.sustained && s.offeredPerSec > best)
    .map((s) => s.offeredPerSec);
  if (failed.length === 0) return undefined;
  const lowestFailed = Math.min(...failed);
  if (best > 0 && (lowestFailed - best) / best <= precision) return undefined;
  return Math.round((best + lowestFailed) / 2 / 50) * 50;
}

/** The suite's figures from its steps: each side's maximum and latency at the reference rate, and the ratios. */
export function summarizeSteps(steps: PipelineStep[], clients: number): PipelineResult {
  const at = (side: PipelineSide) => steps.find((s) => s.side === side && s.offeredPerSec === REFERENCE_RATE);
  const [ours, bare, raw] = [at('sidecar'), at('bare'), at('raw-relay')];
  const maxEventsPerSec = maxSustained(steps, 'sidecar');
  const bareMaxEventsPerSec = maxSustained(steps, 'bare');
  const rawRelayMaxEventsPerSec = maxSustained(steps, 'raw-relay');
  return {
    maxEventsPerSec,
    p50Ms: ours?.p50Ms ?? 0,
    p99Ms: ours?.p99Ms ?? 0,
    bareMaxEventsPerSec,
    bareP50Ms: bare?.p50Ms ?? 0,
    bareP99Ms: bare?.p99Ms ?? 0,
    transportRatio: ratio(maxEventsPerSec, bareMaxEventsPerSec),
    rawRelayMaxEventsPerSec,
    rawRelayP50Ms: raw?.p50Ms ?? 0,
    rawRelayP99Ms: raw?.p99Ms ?? 0,
    rawRelayRatio: ratio(maxEventsPerSec, rawRelayMaxEventsPerSec),
    pushedBytesPerEvent: ours?.pushedBytesPerEvent ?? 0,
    barePushedBytesPerEvent: bare?.pushedBytesPerEvent ?? 0,
    rawRelayPushedBytesPerEvent: raw?.pushedBytesPerEvent ?? 0,
    clients,
    steps,
  };
}

/** `a / b` to three decimals; 0 where nothing was sustained below (no division by zero). */
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0);
