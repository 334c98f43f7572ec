import type { ParticipantRole } from './enums';

/**
 * Participant keys are derived from the contact leg, so every source names the same party the same
 * way. The root leg carries two parties: the customer and the primary agent.
 */
export const customerId = (rootId: string): string => `c:${rootId}`;
export const agentId = (contactId: string): string => `a:${contactId}`;
export const externalId = (contactId: string): string => `x:${contactId}`;
export const supervisorId = (contactId: string): string => `s:${contactId}`;

/** A party only a CCP has reported: keyed by what the CCP says of it, never by connection id alone. */
export function ccpOnlyId(role: ParticipantRole, key: string): string {
  return `p:${role}:${key}`;
}
