import type { InitiationMethod } from './events';
import { agentId, externalId, supervisorId } from './participant-ids';
import { ensureParticipant } from './participant-state';
import type { ConferenceModel, Leg, Participant } from './types';

/** The leg with this contact id, created empty if it is new. */
export function ensureLeg(model: ConferenceModel, contactId: string): Leg {
  let leg = model.legs.get(contactId);
  if (!leg) {
    leg = { contactId, contactLens: null };
    model.legs.set(contactId, leg);
  }
  return leg;
}

export function isRootLeg(model: ConferenceModel, contactId: string): boolean {
  return contactId === model.id;
}

export function ensureCustomer(model: ConferenceModel): Participant {
  return (
    model.participants.get(model.customerKey) ??
    ensureParticipant(model, { id: model.customerKey, role: 'customer', contactId: model.id })
  );
}

/** The agent on the root leg is the primary agent (M3). */
export function ensurePrimaryAgent(model: ConferenceModel): Participant {
  return (
    model.participants.get(model.primaryKey) ??
    ensureParticipant(model, { id: model.primaryKey, role: 'agent', contactId: model.id, primary: true })
  );
}

/**
 * The party a child leg brings (M4): TRANSFER (and a queue transfer an agent answered) brings an
 * agent, EXTERNAL_OUTBOUND an external party, MONITOR a supervisor; anything else brings nobody.
 */
export function legParty(
  model: ConferenceModel,
  leg: Leg,
  method: InitiationMethod | undefined,
  agentAnswered = false,
): Participant | undefined {
  if (isRootLeg(model, leg.contactId)) return agentAnswered ? ensurePrimaryAgent(model) : undefined;
  if (leg.partyId) {
    const known = model.participants.get(leg.partyId);
    if (known) return known;
  }
  const party = createLegParty(model, leg.contactId, method, agentAnswered);
  if (party) leg.partyId = party.id;
  return party;
}

function createLegParty(
  model: ConferenceModel,
  contactId: string,
  method: InitiationMethod | undefined,
  agentAnswered: boolean,
): Participant | undefined {
  switch (method) {
    case 'TRANSFER':
      return ensureParticipant(model, { id: agentId(contactId), role: 'agent', contactId });
    case 'EXTERNAL_OUTBOUND':
      return ensureParticipant(model, { id: externalId(contactId), role: 'external', contactId });
    case 'MONITOR':
      return ensureParticipant(model, { id: supervisorId(contactId), role: 'supervisor', contactId });
    default:
      return agentAnswered
        ? ensureParticipant(model, { id: agentId(contactId), role: 'agent', contactId })
        : undefined;
  }
}

/** The parties a leg already carries (used when an event names the leg but not its party). */
export function partiesOnLeg(model: ConferenceModel, contactId: string): Participant[] {
  if (isRootLeg(model, contactId)) {
    return [model.participants.get(model.customerKey), model.participants.get(model.primaryKey)].filter(
      (p): p is Participant => p !== undefined,
    );
  }
  const partyId = model.legs.get(contactId)?.partyId;
  const party = partyId === undefined ? undefined : model.participants.get(partyId);
  return party ? [party] : [];
}
