import { normalizeAgentEvent } from './normalize-agent-event';
import { normalizeCcpSnapshot } from './normalize-ccp-snapshot';
import { normalizeContactEvent } from './normalize-contact-event';
import type { Normalized } from './normalized';

/** The three raw inputs confwatch accepts, by the name their ingest route and recordings use. */
export const STREAMS = ['contact-events', 'agent-events', 'ccp'] as const;
export type StreamName = (typeof STREAMS)[number];

export const NORMALIZERS: Record<StreamName, (raw: unknown) => Normalized> = {
  'contact-events': normalizeContactEvent,
  'agent-events': normalizeAgentEvent,
  ccp: normalizeCcpSnapshot,
};

export function isStreamName(value: string): value is StreamName {
  return (STREAMS as readonly string[]).includes(value);
}
