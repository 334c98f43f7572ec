import type { ContactEvent } from './events';
import { recordGroups, recordQueue } from './agent-groups';
import { absorbCcpOnly } from './ccp-only';
import { isLate } from './is-late';
import { ensureCustomer, ensureLeg, ensurePrimaryAgent, isRootLeg, legParty, partiesOnLeg } from './legs';
import { markConnected, markDialing, markDisconnected } from './participant-state';
import type { ConferenceModel, Leg } from './types';

/**
 * Folds one contact event into the conference (M2–M6). A late one (O6) fills in only what is not
 * known: it never replaces a queue, an agent, a reason or a Contact Lens flag a newer event gave.
 */
export function applyContactEvent(model: ConferenceModel, event: ContactEvent): void {
  const late = isLate(model, event.at);
  const leg = ensureLeg(model, event.contactId);
  recordLeg(leg, event, late);
  if (event.queue) recordQueue(model, event.queue);
  if (event.agentArn && event.hierarchyGroups)
    recordGroups(model, event.agentArn, event.hierarchyGroups, late);
  if (event.contactLens !== undefined && !(leg.contactLensAt !== undefined && event.at < leg.contactLensAt)) {
    leg.contactLensAt = event.at;
    if (leg.contactLens !== event.contactLens) {
      leg.contactLens = event.contactLens;
      model.revision += 1;
    }
  }
  if (isRootLeg(model, event.contactId)) applyToRoot(model, leg, event, late);
  else applyToChild(model, leg, event, late);
}

function recordLeg(leg: Leg, event: ContactEvent, late: boolean): void {
  leg.previousContactId ??= event.previousContactId;
  leg.method ??= event.method;
  leg.initiatedAt ??= event.initiatedAt ?? (event.type === 'INITIATED' ? event.at : undefined);
  if (event.type === 'CONNECTED_TO_AGENT' || event.type === 'CONNECTED_TO_SYSTEM') {
    leg.connectedAt ??= event.connectedToAgentAt ?? event.connectedToSystemAt ?? event.at;
  }
  if (event.type === 'DISCONNECTED' || event.type === 'COMPLETED') {
    leg.disconnectedAt ??= event.disconnectedAt ?? event.at;
  }
  if (event.type === 'COMPLETED') leg.completedAt ??= event.at;
  leg.acwStartAt ??= event.acwStartAt;
  leg.transferCompletedAt ??= event.transferCompletedAt;
  if (late) {
    leg.holdDurationSec ??= event.holdDurationSec;
    leg.disconnectReason ??= event.disconnectReason;
    leg.agentArn ??= event.agentArn;
    leg.queue ??= event.queue;
    return;
  }
  leg.holdDurationSec = event.holdDurationSec ?? leg.holdDurationSec;
  leg.disconnectReason = event.disconnectReason ?? leg.disconnectReason;
  if (event.agentArn) leg.agentArn = event.agentArn;
  if (event.queue) leg.queue = event.queue;
}

function applyToRoot(model: ConferenceModel, leg: Leg, event: ContactEvent, late: boolean): void {
  const customer = ensureCustomer(model);
  if (event.phoneNumber) customer.phoneNumber ??= event.phoneNumber;
  if (event.queue && !(late && model.queue)) {
    const known = model.queue?.arn === event.queue.arn ? model.queue.name : undefined;
    model.queue = event.queue.name || !known ? event.queue : { arn: event.queue.arn, name: known };
  }
  // M2: any event on the root means the caller is on the line.
  markConnected(model, customer, event.initiatedAt ?? event.at);
  if (event.type === 'CONNECTED_TO_AGENT' && event.agentArn) {
    const primary = ensurePrimaryAgent(model);
    if (!(late && primary.agentArn)) primary.agentArn = event.agentArn;
    absorbCcpOnly(model, primary);
    markConnected(model, primary, event.connectedToAgentAt ?? event.at);
  }
  if (event.type === 'DISCONNECTED' || event.type === 'COMPLETED') {
    markDisconnected(model, customer, leg.disconnectedAt ?? event.at);
  }
  if (event.type === 'COMPLETED') {
    // After-contact work has ended, so the agent on the leg has certainly left it.
    const primary = model.participants.get(`a:${model.id}`);
    if (primary) markDisconnected(model, primary, event.acwStartAt ?? event.at);
  }
}

function applyToChild(model: ConferenceModel, leg: Leg, event: ContactEvent, late: boolean): void {
  const answeredByAgent = event.type === 'CONNECTED_TO_AGENT' && event.agentArn !== undefined;
  const party = legParty(model, leg, leg.method, answeredByAgent);
  if (!party) return;
  if (event.phoneNumber && party.role === 'external' && !party.phoneNumber) {
    party.phoneNumber = event.phoneNumber;
    absorbCcpOnly(model, party);
  }
  switch (event.type) {
    case 'INITIATED':
    case 'QUEUED':
    case 'CONTACT_DATA_UPDATED':
    case 'OTHER':
      markDialing(model, party, leg.initiatedAt ?? event.at);
      return;
    case 'CONNECTED_TO_AGENT':
      if (event.agentArn && party.role !== 'external' && !(late && party.agentArn)) {
        party.agentArn = event.agentArn;
        absorbCcpOnly(model, party);
      }
      markConnected(model, party, leg.connectedAt ?? event.at);
      return;
    case 'CONNECTED_TO_SYSTEM':
      if (party.role === 'external') markConnected(model, party, leg.connectedAt ?? event.at);
      else markDialing(model, party, leg.initiatedAt ?? event.at);
      return;
    case 'DISCONNECTED':
      for (const p of partiesOnLeg(model, leg.contactId))
        markDisconnected(model, p, leg.disconnectedAt ?? event.at);
      return;
    case 'COMPLETED':
      for (const p of partiesOnLeg(model, leg.contactId)) {
        markDisconnected(model, p, event.acwStartAt ?? leg.disconnectedAt ?? event.at);
      }
      return;
  }
}
