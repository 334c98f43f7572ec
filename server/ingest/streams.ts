import { guardNormalizer, type Normalizer } from './guard-normalizer';
import { normalizeAgentEvent } from './normalize-agent-event';
import { normalizeCcpSnapshot } from './normalize-ccp-snapshot';
import { normalizeContactEvent } from './normalize-contact-event';

/** The three raw inputs confwatch accepts, by the name their ingest route and recordings use. */
export const STREAMS = ['contact-events', 'agent-events', 'ccp'] as const;
export type StreamName = (typeof STREAMS)[number];

/** Each stream's normalizer, guarded: it never throws and only emits events the log accepts. */
export const NORMALIZERS: Record<StreamName, Normalizer> = {
  'contact-events': guardNormalizer(normalizeContactEvent),
  'agent-events': guardNormalizer(normalizeAgentEvent),
  ccp: guardNormalizer(normalizeCcpSnapshot),
};

export function isStreamName(value: string): value is StreamName {
  return (STREAMS as readonly string[]).includes(value);
}
