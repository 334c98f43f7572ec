import type { ConferenceMode, ConferenceView, ParticipantView } from '@/lib/conference';
import { buildView } from './history-builders';

const S = 1_000;
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export type ReportCallOptions = {
  /** ISO start, e.g. '2026-03-28T22:50:00Z'. */
  start: string;
  minutes?: number;
  mode?: ConferenceMode;
  queue?: { arn: string; name: string } | null;
  /** The primary agent's name; its ARN is `arn:agent/<name>`. */
  agent?: string;
  /** Parties the primary adds, all joining at 60 s and staying `extraMinutes`. */
  extras?: number;
  /** How many of the extras are external numbers. */
  externals?: number;
  extraMinutes?: number;
  /** The caller held from 60 s for this long (a consult hold when there are extras). */
  holdSeconds?: number;
  /** A2 raised at 60 s for this long. */
  conflictSeconds?: number;
};

export const SUPPORT = { arn: 'arn:queue/support', name: 'Support' };
export const BILLING = { arn: 'arn:queue/billing', name: 'Billing' };
export const agentArnOf = (name: string) => `arn:agent/${name.toLowerCase()}`;

/** An ended call whose report figures follow from its options (written so a test can compute them). */
export function buildReportCall(id: string, o: ReportCallOptions): ConferenceView {
  const start = Date.parse(o.start);
  const end = start + (o.minutes ?? 10) * MIN;
  const base = buildView(id, { startedAt: start, endedAt: end, mode: o.mode ?? 'multi-party' });
  const extras = o.extras ?? 0;
  const extraEnd = start + 60 * S + (o.extraMinutes ?? 5) * MIN;
  const party = (p: Partial<ParticipantView> & Pick<ParticipantView, 'id' | 'role'>): ParticipantView => ({
    ...base.participants[0]!,
    phoneNumber: null,
    holds: [],
    mutes: [],
    ...p,
  });
  const caller = party({
    id: `c:${id}`,
    role: 'customer',
    contactId: id,
    phoneNumber: '+4930123456',
    joinedAt: iso(start),
    leftAt: iso(end),
    holds: o.holdSeconds ? [{ from: iso(start + 60 * S), to: iso(start + 60 * S + o.holdSeconds * S) }] : [],
  });
  const name = o.agent ?? 'Ada';
  const primary = party({
    id: `a:${id}`,
    role: 'agent',
    primary: true,
    contactId: id,
    agentArn: agentArnOf(name),
    name,
    joinedAt: iso(start + 5 * S),
    leftAt: iso(end),
  });
  const added = Array.from({ length: extras }, (_, i) => {
    const external = i < (o.externals ?? 0);
    return party({
      id: `${external ? 'x' : 'a'}:${id}-leg${i}`,
      role: external ? 'external' : 'agent',
      contactId: `${id}-leg${i}`,
      agentArn: external ? null : agentArnOf(`helper${i}`),
      phoneNumber: external ? `+4940${i}000000` : null,
      name: external ? null : `Helper ${i}`,
      addedBy: primary.id,
      joinedAt: iso(start + 60 * S),
      leftAt: iso(extraEnd),
    });
  });
  const conflicts = o.conflictSeconds
    ? [
        {
          kind: 'contact-lens-conflict' as const,
          severity: 'critical' as const,
          raisedAt: iso(start + 60 * S),
          clearedAt: iso(start + 60 * S + o.conflictSeconds * S),
        },
      ]
    : [];
  return {
    ...base,
    queue: o.queue === undefined ? SUPPORT : o.queue,
    queues: o.queue === undefined ? [SUPPORT] : o.queue ? [o.queue] : [],
    peakParticipants: 2 + extras,
    participants: [caller, primary, ...added],
    alertHistory: conflicts,
  };
}
