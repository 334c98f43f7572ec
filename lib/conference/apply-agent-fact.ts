import type { AgentContact, PersonName } from './events';
import type { AbsenceFact, AgentFact } from './facts';
import { recordGroups, recordQueue } from './agent-groups';
import { absorbCcpOnly } from './ccp-only';
import { isLate } from './is-late';
import { ensureCustomer, ensureLeg, isRootLeg, legParty, partiesOnLeg } from './legs';
import { markConnected, markDialing, markDisconnected, setHold } from './participant-state';
import type { ConferenceModel, Participant } from './types';

/** Folds the part of one agent snapshot that concerns this conference (M7). */
export function applyAgentFact(model: ConferenceModel, fact: AgentFact): void {
  const name = displayName(fact.name);
  const known = model.agentNames.get(fact.agentArn);
  // A late snapshot (O6) names an agent only if nothing newer has.
  if (name && known !== name && !(known && isLate(model, fact.at))) {
    model.agentNames.set(fact.agentArn, name);
    // A CCP may have listed this agent under its directory name before any source named it (M9).
    for (const p of model.participants.values()) if (p.agentArn === fact.agentArn) absorbCcpOnly(model, p);
  }
  if (fact.hierarchyGroups) recordGroups(model, fact.agentArn, fact.hierarchyGroups, isLate(model, fact.at));
  for (const contact of fact.contacts) applyAgentContact(model, fact, contact);
}

function applyAgentContact(model: ConferenceModel, fact: AgentFact, contact: AgentContact): void {
  const leg = ensureLeg(model, contact.contactId);
  leg.method ??= contact.method;
  if (contact.queue) {
    recordQueue(model, contact.queue);
    leg.queue ??= contact.queue;
    // Contact events name a queue only by ARN; agent events carry its name too.
    if (
      isRootLeg(model, leg.contactId) &&
      contact.queue.name &&
      (!model.queue || model.queue.arn === contact.queue.arn)
    ) {
      model.queue = { arn: contact.queue.arn, name: contact.queue.name };
    }
  }
  if (leg.method === 'EXTERNAL_OUTBOUND') return; // agent events never describe external parties
  const party = legParty(model, leg, leg.method, true);
  if (!party) return;
  // Another agent's record of a leg this agent never answered (or lost) says nothing about it.
  if (party.agentArn !== undefined && party.agentArn !== fact.agentArn) return;
  const at = fact.at;
  switch (contact.state) {
    case 'INCOMING':
    case 'PENDING':
    case 'CONNECTING':
      markDialing(model, party, contact.stateStartAt ?? at);
      return;
    case 'MISSED':
    case 'REJECTED':
      // That agent never joined; the leg keeps ringing until someone answers or it ends.
      markDialing(model, party, at);
      return;
    case 'CONNECTED':
    case 'CONNECTED_ONHOLD': {
      attachAgent(model, party, fact.agentArn);
      markConnected(model, party, contact.connectedAt ?? at);
      const held = contact.state === 'CONNECTED_ONHOLD';
      const heldParty = isRootLeg(model, leg.contactId) ? ensureCustomer(model) : party;
      setHold(model, heldParty, held, at);
      return;
    }
    case 'ENDED':
    case 'ERROR':
      attachAgent(model, party, fact.agentArn);
      markDisconnected(model, party, at);
      return;
  }
}

/** The agent is missing from a later snapshot of its own: it has left that leg (M7). */
export function applyAbsenceFact(model: ConferenceModel, fact: AbsenceFact): void {
  for (const party of partiesOnLeg(model, fact.contactId)) {
    if (party.agentArn === fact.agentArn) markDisconnected(model, party, fact.at);
  }
}

function attachAgent(model: ConferenceModel, party: Participant, agentArn: string): void {
  if (party.agentArn === agentArn) return;
  party.agentArn = agentArn;
  absorbCcpOnly(model, party);
}

/** "First Last", else the username. */
export function displayName(name: PersonName | undefined): string | undefined {
  if (!name) return undefined;
  const full = [name.first, name.last]
    .filter((part) => part && part.trim())
    .join(' ')
    .trim();
  return full || name.username || undefined;
}
