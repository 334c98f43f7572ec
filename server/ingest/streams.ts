import { z } from 'zod';
import { normalizeAgentEvent } from './normalize-agent-event';
import { normalizeCcpSnapshot } from './normalize-ccp-snapshot';
import { normalizeContactEvent } from './normalize-contact-event';
import type { Normalized } from './normalized';

/** The three raw inputs confwatch accepts, by the name their ingest route and recordings use. */
export const StreamNameSchema = z.enum(['contact-events', 'agent-events', 'ccp']);
export type StreamName = z.infer<typeof StreamNameSchema>;
export const STREAMS = StreamNameSchema.options;

export const NORMALIZERS: Record<StreamName, (raw: unknown) => Normalized> = {
  'contact-events': normalizeContactEvent,
  'agent-events': normalizeAgentEvent,
  ccp: normalizeCcpSnapshot,
};

export function isStreamName(value: string): value is StreamName {
  return (STREAMS as readonly string[]).includes(value);
}
