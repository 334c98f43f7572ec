import type { SimContext } from './context';
import type { ParticipantState } from '@/lib/conference';
import type { Call, Party } from './model';
import { toIso } from './time';

type Connection = {
  connectionId: string;
  kind: 'self' | 'customer' | 'agent' | 'external' | 'supervisor';
  state: 'connecting' | 'connected' | 'hold' | 'disconnected';
  muted: boolean;
  forcedMute: boolean;
  agentArn?: string;
  phoneNumber?: string;
  name?: string;
  monitorMode?: 'silent' | 'barge';
};

const STATE: Record<ParticipantState, Connection['state']> = {
  dialing: 'connecting',
  connected: 'connected',
  hold: 'hold',
  disconnected: 'disconnected',
};

/**
 * R7: what one CCP lists besides itself. Multi-party: everyone, with a barging supervisor. Three-party:
 * the primary sees the caller and the other party; a secondary only its transfer connection (the
 * agent who added it, or the caller once that agent has gone). Supervisors see every party.
 */
function visibleTo(call: Call, viewer: Party): Party[] {
  const others = call.parties.filter((p) => p !== viewer);
  if (viewer.role === 'supervisor') return others.filter((p) => p.role !== 'supervisor');
  if (call.mode === 'multi-party')
    return others.filter((p) => p.role !== 'supervisor' || p.monitorMode === 'barge');
  const parties = others.filter((p) => p.role !== 'supervisor');
  if (viewer.primary) return parties;
  const adder = viewer.addedBy;
  if (adder && adder.state !== 'disconnected') return [adder];
  return adder ? [adder, call.customer] : [call.customer];
}

function connectionFor(call: Call, viewer: Party, party: Party, id: string): Connection {
  const connection: Connection = {
    connectionId: id,
    kind: party.role,
    state: STATE[party.state],
    muted: party.muted || party.forcedMute,
    forcedMute: party.forcedMute,
  };
  if (party.person) connection.agentArn = party.person.arn;
  if (party.phoneNumber) connection.phoneNumber = party.phoneNumber;
  // R16: in three-party mode another agent shows only as an internal transfer.
  const name =
    party.role === 'agent' && call.mode === 'three-party' && viewer.role === 'agent'
      ? 'Internal transfer'
      : party.name;
  if (name) connection.name = name;
  if (party.monitorMode) connection.monitorMode = party.monitorMode;
  return connection;
}

function connectionId(ctx: SimContext, viewer: Party, partyId: string): string {
  const ids = viewer.ccp!.connectionIds;
  let id = ids.get(partyId);
  if (!id) {
    id = ctx.ids.uuid();
    ids.set(partyId, id);
  }
  return id;
}

/**
 * Sends a snapshot from every CCP on the call whose view changed: each agent and supervisor that
 * has answered reports while it is on the call, and once more, itself disconnected, as it leaves.
 * A party that has left is listed once as disconnected, then dropped, as Streams does.
 */
export function reportCcpViews(ctx: SimContext, call: Call): void {
  for (const viewer of call.parties) {
    const view = viewer.ccp;
    if (!view || !viewer.person || viewer.state === 'dialing' || view.finalSent) continue;
    const self: Connection = {
      connectionId: connectionId(ctx, viewer, viewer.id),
      kind: 'self',
      state: STATE[viewer.state],
      muted: viewer.muted || viewer.forcedMute,
      forcedMute: viewer.forcedMute,
    };
    if (viewer.monitorMode) self.monitorMode = viewer.monitorMode;
    const connections = [self];
    const shown = [viewer];
    if (viewer.state !== 'disconnected') {
      for (const party of visibleTo(call, viewer)) {
        const gone = party.state === 'disconnected';
        if (gone && (!view.connectionIds.has(party.id) || view.gone.has(party.id))) continue;
        connections.push(connectionFor(call, viewer, party, connectionId(ctx, viewer, party.id)));
        shown.push(party);
      }
    }
    const signature = connections
      .map(
        (c, i) =>
          `${shown[i]!.id}=${c.state}/${+c.muted}${+c.forcedMute}/${c.agentArn ?? ''}/${c.monitorMode ?? ''}`,
      )
      .join(';');
    if (signature === view.signature) continue;
    view.signature = signature;
    for (const party of shown) if (party.state === 'disconnected') view.gone.add(party.id);
    if (viewer.state === 'disconnected') view.finalSent = true;
    sendSnapshot(ctx, call, viewer, connections);
  }
}

function sendSnapshot(ctx: SimContext, call: Call, viewer: Party, connections: Connection[]): void {
  const now = ctx.clock.now();
  ctx.stats.bump('ccpSnapshots');
  ctx.delivery.send('ccp', now, {
    reportedAt: toIso(Math.round(now + ctx.format.between(-50, 50))),
    agentArn: viewer.person!.arn,
    contactId: viewer.leg.contactId,
    initialContactId: call.rootId,
    connections,
  });
}
