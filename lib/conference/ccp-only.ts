import type { ConferenceModel, Participant } from './types';

/**
 * Once a server source names a party (by agent ARN or phone number), a party that only a CCP had
 * reported under the same name is the same person: the CCP-only entry goes (M8).
 */
export function absorbCcpOnly(model: ConferenceModel, party: Participant): void {
  if (party.ccpOnly) return;
  for (const p of model.participants.values()) {
    if (!p.ccpOnly || p.role !== party.role) continue;
    const sameAgent = party.agentArn !== undefined && p.agentArn === party.agentArn;
    const sameNumber = party.phoneNumber !== undefined && p.phoneNumber === party.phoneNumber;
    if (sameAgent || sameNumber) {
      model.participants.delete(p.id);
      model.revision += 1;
    }
  }
}
