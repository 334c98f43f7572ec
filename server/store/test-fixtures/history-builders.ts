import type { AlertKind, ConferenceMode, ConferenceView, ContactTreeView } from '@/lib/conference';
import type { AlertAck } from '../store';
import { BUILDER_EPOCH as T0 } from './event-builders';

const iso = (ms: number) => new Date(ms).toISOString();

export type ViewOptions = {
  endedAt?: number | null;
  startedAt?: number;
  mode?: ConferenceMode;
  queueArn?: string | null;
  peak?: number;
  alertKinds?: readonly AlertKind[];
  /** Contact Lens on an added leg that has since left (the view's own flag is then false). */
  childLegContactLens?: boolean;
  /** Distinguishes otherwise equal records when a test checks that one replaced another. */
  agentName?: string;
};

/** An ended conference as the engine would serve it, with the fields history indexes set. */
export function buildView(id: string, o: ViewOptions = {}): ConferenceView {
  const startedAt = o.startedAt ?? T0;
  const endedAt = o.endedAt === undefined ? startedAt + 600_000 : o.endedAt;
  const end = endedAt ?? startedAt + 600_000;
  const child: ContactTreeView = {
    ...leg(`${id}-leg2`, startedAt + 60_000, end),
    previousContactId: id,
    method: 'TRANSFER',
    participantIds: [`a:${id}-leg2`],
    label: 'conference',
    contactLens: o.childLegContactLens ?? false,
  };
  return {
    id,
    mode: o.mode ?? 'multi-party',
    state: endedAt === null ? 'active' : 'ended',
    endReason: endedAt === null ? null : 'completed',
    cap: o.mode === 'three-party' ? 3 : 6,
    activeParticipants: 0,
    slotsLeft: o.mode === 'three-party' ? 3 : 6,
    dialing: false,
    swapAvailable: false,
    canAdd: { allowed: false, rule: 'E1', reason: 'the call has ended' },
    contactLens: false,
    queue: o.queueArn === null ? null : { arn: o.queueArn ?? 'arn:queue/support', name: 'Support' },
    queues: o.queueArn === null ? [] : [{ arn: o.queueArn ?? 'arn:queue/support', name: 'Support' }],
    startedAt: iso(startedAt),
    listedAt: iso(startedAt + 5_000),
    endedAt: endedAt === null ? null : iso(endedAt),
    lastEventAt: iso(end),
    peakParticipants: o.peak ?? 3,
    participants: [
      { ...party(`c:${id}`, id, startedAt, end), role: 'customer', phoneNumber: '+4930123456' },
      {
        ...party(`a:${id}`, id, startedAt + 5_000, end),
        role: 'agent',
        primary: true,
        name: o.agentName ?? 'Ada',
      },
      { ...party(`a:${id}-leg2`, `${id}-leg2`, startedAt + 60_000, end), role: 'agent', addedBy: `a:${id}` },
    ],
    alerts: [],
    alertHistory: (o.alertKinds ?? []).map((kind, i) => ({
      kind,
      severity: 'warning' as const,
      raisedAt: iso(startedAt + 1_000 * (i + 1)),
      clearedAt: iso(end),
    })),
    contactTree: {
      ...leg(id, startedAt, end),
      label: 'initial',
      participantIds: [`c:${id}`, `a:${id}`],
      nextContactId: child.contactId,
      children: [child],
    },
    timeline: [
      { at: iso(startedAt + 5_000), kind: 'joined', participantId: `a:${id}`, alert: null },
      { at: iso(end), kind: 'ended', participantId: null, alert: null },
    ],
  };
}

function party(
  id: string,
  contactId: string,
  joinedAt: number,
  leftAt: number,
): ConferenceView['participants'][number] {
  return {
    id,
    role: 'agent',
    primary: false,
    contactId,
    agentArn: null,
    phoneNumber: null,
    name: null,
    state: 'disconnected',
    muted: null,
    forcedMute: null,
    monitorMode: null,
    ccpOnly: false,
    addedBy: null,
    dialingAt: null,
    joinedAt: iso(joinedAt),
    leftAt: iso(leftAt),
    holds: [{ from: iso(joinedAt + 1_000), to: iso(joinedAt + 2_000) }],
    mutes: [],
    hierarchyGroups: [],
  };
}

function leg(contactId: string, initiatedAt: number, disconnectedAt: number): ContactTreeView {
  return {
    contactId,
    previousContactId: null,
    nextContactId: null,
    method: 'INBOUND',
    participantIds: [],
    status: 'left',
    label: null,
    initiatedAt: iso(initiatedAt),
    connectedAt: iso(initiatedAt + 5_000),
    disconnectedAt: iso(disconnectedAt),
    contactLens: null,
    children: [],
  };
}

export function buildAck(
  conferenceId: string,
  kind: AlertKind = 'cap-reached',
  raisedAt = T0,
  by = 'sup-1',
): AlertAck {
  return { conferenceId, kind, raisedAt: iso(raisedAt), by, at: iso(raisedAt + 30_000) };
}
