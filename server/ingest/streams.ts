import { z } from 'zod';
import { guardNormalizer, type Normalizer } from './guard-normalizer';
import { normalizeAgentEvent } from './normalize-agent-event';
import { normalizeCcpSnapshot } from './normalize-ccp-snapshot';
import { normalizeContactEvent } from './normalize-contact-event';

/** The three raw inputs confwatch accepts, by the name their ingest route and recordings use. */
export const StreamNameSchema = z.enum(['contact-events', 'agent-events', 'ccp']);
export type StreamName = z.infer<typeof StreamNameSchema>;
export const STREAMS = StreamNameSchema.options;

/** Each stream's normalizer, guarded: it never throws and only emits events the log accepts. */
export const NORMALIZERS: Record<StreamName, Normalizer> = {
  'contact-events': guardNormalizer(normalizeContactEvent),
  'agent-events': guardNormalizer(normalizeAgentEvent),
  ccp: guardNormalizer(normalizeCcpSnapshot),
};

export function isStreamName(value: string): value is StreamName {
  return (STREAMS as readonly string[]).includes(value);
}
