import type { DomainEvent } from '@/lib/conference';

/** What normalizing one raw item gives: a domain event, an item accepted but ignored, or a rejection. */
export type Normalized =
  | { kind: 'event'; event: DomainEvent }
  | { kind: 'ignored'; reason: string }
  | { kind: 'rejected'; reason: string };
