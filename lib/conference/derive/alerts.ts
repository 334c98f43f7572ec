import { isPresent } from '../participant-state';
import type { AlertKind, AlertSeverity } from '../enums';
import type { ConferenceModel, Participant } from '../types';

export const ALERT_SEVERITY: Record<AlertKind, AlertSeverity> = {
  'cap-reached': 'warning',
  'contact-lens-conflict': 'critical',
  'long-hold': 'warning',
  'no-agent': 'warning',
  'caller-dropped': 'info',
  'primary-left': 'info',
  'cap-exceeded': 'critical',
};

/** The rule id behind each alert kind, for labels and tests. */
export const ALERT_RULE: Record<AlertKind, string> = {
  'cap-reached': 'A1',
  'contact-lens-conflict': 'A2',
  'long-hold': 'A3',
  'no-agent': 'A4',
  'caller-dropped': 'A5',
  'primary-left': 'A6',
  'cap-exceeded': 'A7',
};

/** Contact Lens is on for the call while any leg with an active party has it on (M6, R27). */
export function contactLensActive(model: ConferenceModel): boolean {
  for (const leg of model.legs.values()) {
    if (leg.contactLens !== true) continue;
    for (const p of model.participants.values()) {
      if (p.contactId === leg.contactId && !p.ccpOnly && p.stage !== 'disconnected') return true;
    }
  }
  return false;
}

/**
 * The event-driven alert conditions that hold now (A1, A2, A4–A7). A3 depends on the clock and is
 * derived separately by `longHoldSince`. A call that is over or not yet listed raises nothing.
 */
export function alertConditions(model: ConferenceModel, counted: Participant[], cap: number): Set<AlertKind> {
  const raised = new Set<AlertKind>();
  if (model.listedAt === undefined || model.endedAt !== undefined) return raised;
  const active = counted.length;
  if (active === cap) raised.add('cap-reached');
  if (active > cap) raised.add('cap-exceeded');
  if (active >= 3 && contactLensActive(model)) raised.add('contact-lens-conflict');
  const present = counted.filter(isPresent);
  const customerPresent = present.some((p) => p.role === 'customer');
  if (
    customerPresent &&
    present.some((p) => p.role === 'external') &&
    !present.some((p) => p.role === 'agent')
  ) {
    raised.add('no-agent');
  }
  for (const p of model.participants.values()) {
    if (p.stage !== 'disconnected' || p.ccpOnly) continue;
    if (p.role === 'customer') raised.add('caller-dropped');
    if (p.primary) raised.add('primary-left');
  }
  return raised;
}

/** A3: the source time the customer's current hold crossed the threshold, if it has by `now`. */
export function longHoldSince(model: ConferenceModel, longHoldMs: number, now: number): number | undefined {
  if (model.endedAt !== undefined || model.listedAt === undefined) return undefined;
  for (const p of model.participants.values()) {
    if (p.role !== 'customer' || !p.onHold || p.stage !== 'connected') continue;
    const since = p.holds[p.holds.length - 1]!.from + longHoldMs;
    if (now >= since) return since;
  }
  return undefined;
}
