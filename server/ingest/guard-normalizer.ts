import { DomainEventSchema } from '@/lib/conference';
import type { NormalizeContext } from './normalize-context';
import type { Normalized } from './normalized';
import { describeIssues } from './timestamps';
import { readUndecodableReason } from './undecodable-item';

export type Normalizer = (raw: unknown, ctx: NormalizeContext) => Normalized;

/**
 * What every stream's normalizer is wrapped in, so that one item can never cost the batch: a throw
 * of any kind (a stack overflow, a RangeError) becomes that item's rejection, and an event the
 * event log would refuse is rejected here, alone and with its reason, before anything is written.
 * The event handed on is the log schema's own parse of it.
 */
export function guardNormalizer(normalize: Normalizer): Normalizer {
  return (raw, ctx) => {
    const undecodable = readUndecodableReason(raw);
    if (undecodable !== undefined) return { kind: 'rejected', reason: undecodable };
    try {
      const normalized = normalize(raw, ctx);
      if (normalized.kind !== 'event') return normalized;
      const checked = DomainEventSchema.safeParse(normalized.event);
      if (checked.success) return { kind: 'event', event: checked.data };
      return {
        kind: 'rejected',
        reason: `the event log would refuse the normalized event: ${describeIssues(checked.error)}`,
      };
    } catch (error) {
      return { kind: 'rejected', reason: `could not be normalized: ${describeThrown(error)}` };
    }
  };
}

function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 200);
  return 'a non-error was thrown';
}
