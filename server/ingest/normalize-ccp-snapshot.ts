import { createHash } from 'node:crypto';
import type { CcpConnection, CcpEvent } from '@/lib/conference';
import { CcpSnapshotSchema, type CcpSnapshot } from './ccp-snapshot-schema';
import { findImplausibleTime, type NormalizeContext } from './normalize-context';
import type { Normalized } from './normalized';
import { describeIssues } from './timestamps';

/** One CCP relay snapshot → a domain event whose id is derived from reporter, time and content (O1). */
export function normalizeCcpSnapshot(raw: unknown, ctx: NormalizeContext): Normalized {
  const parsed = CcpSnapshotSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'rejected', reason: describeIssues(parsed.error) };
  const s = parsed.data;
  const implausible = findImplausibleTime(ctx, [['reportedAt', s.reportedAt]]);
  if (implausible) return { kind: 'rejected', reason: implausible };
  const connections = s.connections.map(toConnection);
  const event: CcpEvent = {
    source: 'ccp',
    eventId: snapshotId(s, connections),
    at: s.reportedAt,
    agentArn: s.agentArn,
    contactId: s.contactId,
    rootId: s.initialContactId || s.contactId,
    connections,
  };
  return { kind: 'event', event };
}

function toConnection(raw: CcpSnapshot['connections'][number]): CcpConnection {
  const c: CcpConnection = { connectionId: raw.connectionId, kind: raw.kind, state: raw.state };
  if (typeof raw.muted === 'boolean') c.muted = raw.muted;
  if (typeof raw.forcedMute === 'boolean') c.forcedMute = raw.forcedMute;
  if (raw.agentArn) c.agentArn = raw.agentArn;
  if (raw.phoneNumber) c.phoneNumber = raw.phoneNumber;
  if (raw.name) c.name = raw.name;
  if (raw.monitorMode) c.monitorMode = raw.monitorMode;
  return c;
}

/** The same reporter, time and connections is the same snapshot, however often it is posted. */
function snapshotId(s: CcpSnapshot, connections: CcpConnection[]): string {
  const canonical = JSON.stringify([s.agentArn, s.contactId, s.reportedAt, connections]);
  return `ccp-${createHash('sha256').update(canonical).digest('base64url').slice(0, 32)}`;
}
