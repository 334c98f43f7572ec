import type { AgentEvent, CcpEvent, ContactEvent, DomainEvent } from '@/lib/conference';
import type { EventLogEntry } from '../store';

/** The moment test data starts from: 23 Nov 2026, 09:00 UTC. */
export const BUILDER_EPOCH = Date.UTC(2026, 10, 23, 9, 0, 0);
const T0 = BUILDER_EPOCH;

/** A contact event on `rootId` (the root leg itself unless `contactId` says otherwise). */
export function buildContactEvent(
  eventId: string,
  rootId: string,
  at = T0,
  contactId = rootId,
): ContactEvent {
  return { source: 'contact', eventId, at, type: 'CONNECTED_TO_AGENT', contactId, rootId, method: 'INBOUND' };
}

/** An agent snapshot naming one voice contact per root: it touches every root it names. */
export function buildAgentEvent(eventId: string, rootIds: readonly string[], at = T0): AgentEvent {
  return {
    source: 'agent',
    eventId,
    at,
    agentArn: 'arn:aws:connect:eu-central-1:1:instance/i/agent/a1',
    name: { first: 'Ada', last: 'Lovelace' },
    contacts: rootIds.map((rootId) => ({
      contactId: rootId,
      rootId,
      state: 'CONNECTED' as const,
      connectedAt: at,
    })),
  };
}

export function buildCcpEvent(eventId: string, rootId: string, at = T0): CcpEvent {
  return {
    source: 'ccp',
    eventId,
    at,
    agentArn: 'arn:aws:connect:eu-central-1:1:instance/i/agent/a1',
    contactId: rootId,
    rootId,
    connections: [{ connectionId: 'k1', kind: 'customer', state: 'hold', muted: false }],
  };
}

/** A log entry whose roots are the ones the event names, as the hub would write it. */
export function buildEntry(event: DomainEvent, receivedAt = T0, roots?: readonly string[]): EventLogEntry {
  const named = event.source === 'agent' ? [...new Set(event.contacts.map((c) => c.rootId))] : [event.rootId];
  return { roots: roots ?? named, receivedAt, event };
}

/** A batch of `size` contact events `<prefix>-0 … <prefix>-(size-1)` spread over a few roots. */
export function buildBatch(prefix: string, size: number, receivedAt = T0): EventLogEntry[] {
  return Array.from({ length: size }, (_, i) =>
    buildEntry(buildContactEvent(`${prefix}-${i}`, `root-${i % 3}`, T0 + i), receivedAt),
  );
}
