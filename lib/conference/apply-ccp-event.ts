import type { CcpConnection, CcpEvent } from './events';
import { absorbCcpOnly } from './ccp-only';
import { isLate } from './is-late';
import { ensureCustomer, ensureLeg, legParty } from './legs';
import { ccpOnlyId } from './participant-ids';
import {
  ensureParticipant,
  isActive,
  markConnected,
  markDialing,
  markDisconnected,
  setForcedMute,
  setHold,
  setMuted,
} from './participant-state';
import type { ParticipantRole } from './enums';
import type { ConferenceModel, Participant } from './types';

/** Folds one CCP relay snapshot: per-connection state, hold and mute as one agent's CCP sees them (M8). */
export function applyCcpEvent(model: ConferenceModel, event: CcpEvent): void {
  for (const connection of event.connections) {
    const party = matchConnection(model, event, connection);
    applyConnection(
      model,
      party,
      connection.kind === 'agent' ? identifying(model, connection) : connection,
      event.at,
    );
  }
}

function matchConnection(model: ConferenceModel, event: CcpEvent, c: CcpConnection): Participant {
  switch (c.kind) {
    case 'self': {
      const leg = ensureLeg(model, event.contactId);
      const party = legParty(model, leg, leg.method, true) ?? ccpOnly(model, 'agent', event.agentArn, c);
      if (!party.ccpOnly && party.agentArn === undefined) {
        party.agentArn = event.agentArn;
        absorbCcpOnly(model, party);
      }
      return party;
    }
    case 'customer':
      return ensureCustomer(model);
    case 'agent':
      return (
        matchAgent(model, 'agent', identifying(model, c), event.contactId) ??
        matchInvitedAgent(model, event, c) ??
        ccpOnly(model, 'agent', c.agentArn ?? c.name, c)
      );
    case 'supervisor':
      return (
        matchAgent(model, 'supervisor', c, event.contactId) ??
        ccpOnly(model, 'supervisor', c.agentArn ?? c.name, c)
      );
    case 'external':
      return matchExternal(model, c) ?? ccpOnly(model, 'external', c.phoneNumber ?? c.name, c);
  }
}

/** By agent ARN, else by quick-connect name (M8); never the reporter's own leg. */
function matchAgent(
  model: ConferenceModel,
  role: ParticipantRole,
  c: CcpConnection,
  reporterLeg: string,
): Participant | undefined {
  for (const p of model.participants.values()) {
    if (p.role !== role || p.ccpOnly) continue;
    if (c.agentArn && p.agentArn === c.agentArn) return p;
  }
  if (!c.name) return undefined;
  for (const p of model.participants.values()) {
    if (p.role !== role || p.ccpOnly || p.contactId === reporterLeg) continue;
    if (p.name === c.name || (p.agentArn && model.agentNames.get(p.agentArn) === c.name)) return p;
  }
  return undefined;
}

/**
 * An agent connection the CCP names by no known ARN or name. A three-party CCP shows every other
 * agent as "Internal transfer" (R16) and only the agents related to the reporter (R7): the one whose
 * leg invited the reporter's, or one its leg invited; when exactly one such agent is on the call,
 * that is it. A still-ringing connection is the earliest ringing leg no agent has answered. A
 * connection that carries an ARN waits for a server source to confirm it instead (M8), and no guess
 * is made for a disconnect (O3).
 */
function matchInvitedAgent(
  model: ConferenceModel,
  event: CcpEvent,
  c: CcpConnection,
): Participant | undefined {
  if (c.state === 'disconnected') return undefined;
  const agents = [...model.participants.values()].filter(
    (p) => p.role === 'agent' && !p.ccpOnly && isActive(p) && p.contactId !== event.contactId,
  );
  if (c.state === 'connecting') {
    return earliestActive(
      model,
      agents.filter((p) => p.stage === 'dialing' && p.agentArn === undefined && !p.primary),
    );
  }
  if (c.agentArn) return undefined;
  const inviter =
    event.contactId === model.id
      ? undefined
      : (model.legs.get(event.contactId)?.previousContactId ?? model.id);
  const related = agents.filter(
    (p) => p.contactId === inviter || model.legs.get(p.contactId)?.previousContactId === event.contactId,
  );
  return related.length === 1 ? related[0] : undefined;
}

/**
 * By phone number, else the earliest active external leg with no number yet, which then keeps it
 * (M8). The guess is made only for a live connection: a wrong guess about hold or mute heals with
 * the next report, a wrong disconnect never would (O3).
 */
function matchExternal(model: ConferenceModel, c: CcpConnection): Participant | undefined {
  const externals = [...model.participants.values()].filter((p) => p.role === 'external' && !p.ccpOnly);
  if (c.phoneNumber) {
    const byNumber = externals.find((p) => p.phoneNumber === c.phoneNumber);
    if (byNumber) return byNumber;
  }
  if (c.state === 'disconnected') return undefined;
  const unnamed = earliestActive(
    model,
    externals.filter((p) => p.phoneNumber === undefined),
  );
  if (unnamed && c.phoneNumber) {
    unnamed.phoneNumber = c.phoneNumber;
    absorbCcpOnly(model, unnamed);
  }
  return unnamed;
}

function earliestActive(model: ConferenceModel, parties: Participant[]): Participant | undefined {
  let best: Participant | undefined;
  let bestAt = Infinity;
  for (const p of parties) {
    if (!isActive(p)) continue;
    const at = model.legs.get(p.contactId)?.initiatedAt ?? p.dialingAt ?? p.joinedAt ?? Infinity;
    if (!best || at < bestAt || (at === bestAt && p.id < best.id)) {
      best = p;
      bestAt = at;
    }
  }
  return best;
}

/** A connection no server source has confirmed: listed, flagged, never counted. */
function ccpOnly(
  model: ConferenceModel,
  role: ParticipantRole,
  key: string | undefined,
  c: CcpConnection,
): Participant {
  const party = ensureParticipant(model, {
    id: ccpOnlyId(role, key ?? c.connectionId),
    role,
    contactId: model.id,
    ccpOnly: true,
  });
  if (c.agentArn && role !== 'external') party.agentArn = c.agentArn;
  if (c.phoneNumber && role === 'external') party.phoneNumber = c.phoneNumber;
  return party;
}

/** R16: in three-party mode a CCP names every other agent "Internal transfer", which identifies nobody. */
function identifying(model: ConferenceModel, c: CcpConnection): CcpConnection {
  if (model.mode !== 'three-party' || c.name === undefined) return c;
  const { name: _generic, ...rest } = c;
  return rest;
}

function applyConnection(model: ConferenceModel, p: Participant, c: CcpConnection, at: number): void {
  if (c.name && !p.name) {
    p.name = c.name;
    absorbCcpOnly(model, p);
  }
  if (c.monitorMode && p.role === 'supervisor' && !(p.monitorMode && isLate(model, at)))
    p.monitorMode = c.monitorMode;
  switch (c.state) {
    case 'connecting':
      markDialing(model, p, at);
      break;
    case 'connected':
    case 'hold':
      markConnected(model, p, at);
      setHold(model, p, c.state === 'hold', at);
      break;
    case 'disconnected':
      markDisconnected(model, p, at);
      break;
  }
  if (c.muted !== undefined) setMuted(model, p, c.muted, at);
  if (c.forcedMute !== undefined) setForcedMute(model, p, c.forcedMute, at);
}
