import type { AlertKind, ConferenceMode, ParticipantRole, ParticipantState } from '@/lib/conference';
import { ALERT_SEVERITY } from '@/lib/conference';
import type { AlertAck, ConferenceSummary, ParticipantSummary } from '@/lib/realtime';

export const T0 = Date.parse('2026-11-23T10:00:00.000Z');
/** An ISO time `s` seconds after T0. */
export const at = (s: number): string => new Date(T0 + s * 1000).toISOString();

const AGENT_ARN = 'arn:aws:connect:eu-central-1:111122223333:instance/i-1/agent/';
export const QUEUE_ARN = 'arn:aws:connect:eu-central-1:111122223333:instance/i-1/queue/';

/** One party; the id prefix follows the engine (`c:`, `a:`, `x:`, `s:`). */
export function party(
  id: string,
  role: ParticipantRole,
  extra: Partial<ParticipantSummary> = {},
): ParticipantSummary {
  const state: ParticipantState = extra.state ?? 'connected';
  return {
    id,
    role,
    primary: false,
    contactId: id.slice(2),
    agentArn: role === 'agent' || role === 'supervisor' ? `${AGENT_ARN}${id.slice(2)}` : null,
    phoneNumber: role === 'customer' || role === 'external' ? '+4930123456' : null,
    name: null,
    state,
    muted: false,
    forcedMute: false,
    monitorMode: role === 'supervisor' ? 'silent' : null,
    ccpOnly: false,
    addedBy: null,
    dialingAt: null,
    joinedAt: at(0),
    leftAt: null,
    holdSince: null,
    ...extra,
  };
}

export type ConferenceOptions = {
  mode?: ConferenceMode;
  startedAt?: number;
  queue?: string | null;
  alerts?: readonly AlertKind[];
  contactLens?: boolean;
  ended?: boolean;
};

/**
 * A live conference with `size` counted parties: the customer, a primary agent `a:<id>`, then
 * further agents; counts and cap follow the parties like the engine's.
 */
export function conference(
  id: string,
  size: number,
  o: ConferenceOptions = {},
  extra: ParticipantSummary[] = [],
): ConferenceSummary {
  const parties: ParticipantSummary[] = [party(`c:${id}`, 'customer', { contactId: id })];
  if (size >= 2)
    parties.push(party(`a:${id}`, 'agent', { primary: true, contactId: id, name: `Agent ${id}` }));
  for (let i = 2; i < size; i++) parties.push(party(`a:${id}-${i}`, 'agent', { name: `Agent ${id}-${i}` }));
  parties.push(...extra);
  const mode = o.mode ?? 'multi-party';
  const cap = mode === 'multi-party' ? 6 : 3;
  const startedAt = new Date(T0 + (o.startedAt ?? 0) * 1000).toISOString();
  return {
    id,
    mode,
    state: o.ended ? 'ended' : 'active',
    endReason: o.ended ? 'completed' : null,
    cap,
    activeParticipants: o.ended ? 0 : size,
    slotsLeft: Math.max(0, cap - size),
    dialing: false,
    swapAvailable: size === 3,
    canAdd: { allowed: size < cap, rule: 'R3', reason: 'test' },
    contactLens: o.contactLens ?? false,
    queue:
      o.queue === null ? null : { arn: `${QUEUE_ARN}${o.queue ?? 'support'}`, name: o.queue ?? 'support' },
    startedAt,
    listedAt: startedAt,
    endedAt: o.ended ? at(600) : null,
    lastEventAt: startedAt,
    peakParticipants: size,
    participants: parties,
    alerts: (o.alerts ?? []).map((kind, i) => ({ kind, severity: ALERT_SEVERITY[kind], since: at(10 + i) })),
  };
}

export function ack(conferenceId: string, kind: AlertKind, raisedAt: string, by = 'Maria'): AlertAck {
  return { conferenceId, kind, raisedAt, by, at: at(100) };
}
