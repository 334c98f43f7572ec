import type { ConferenceModel, Participant } from '../types';

/**
 * Whether the call is over, given the parties that count (no supervisors, no CCP-only):
 * E1 nobody is left; E2 only external parties are left (R24); and, once the call has been
 * listed, a single remaining party has nobody to talk to (a lone agent is in after-contact work, a
 * lone caller is being disconnected). Caller and external party with no agent carry on (E3, R23).
 */
export function isOver(model: ConferenceModel, counted: Participant[]): boolean {
  if (counted.length === 0) return true;
  if (!counted.some((p) => p.role === 'customer' || p.role === 'agent')) return true;
  return model.listedAt !== undefined && counted.length === 1;
}
