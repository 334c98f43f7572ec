import { InitiationMethodSchema, type AgentContact, type AgentEvent } from '@/lib/conference';
import type { AgentContactReference, UserData } from './connect-schemas';

/** The Connect user id inside an agent ARN (`…/instance/<id>/agent/<user id>`): its last path segment. */
export function agentIdOf(agentArn: string): string {
  return agentArn.slice(agentArn.lastIndexOf('/') + 1);
}

/** Splits `items` into runs of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}

/**
 * One GetCurrentUserData entry → an agent snapshot, like an agent event stream record taken at
 * `at` (M7: a contact the engine saw this agent on and this snapshot lacks is one the agent left).
 * Only voice contacts of calls the sidecar knows are listed: GetCurrentUserData does not say which
 * call a contact belongs to, and filing it under a guessed root would make an orphan.
 */
export function toAgentSnapshot(
  user: UserData,
  rootOf: (contactId: string) => string | undefined,
  at: number,
): AgentEvent {
  const contacts: AgentContact[] = [];
  for (const reference of user.Contacts ?? []) {
    if (reference.Channel !== undefined && reference.Channel.toUpperCase() !== 'VOICE') continue;
    const rootId = rootOf(reference.ContactId);
    if (rootId !== undefined) contacts.push(toAgentContact(reference, rootId));
  }
  return {
    source: 'agent',
    eventId: `reconcile:${user.User.Arn}:${at}`,
    at,
    agentArn: user.User.Arn,
    contacts,
  };
}

function toAgentContact(reference: AgentContactReference, rootId: string): AgentContact {
  const contact: AgentContact = {
    contactId: reference.ContactId,
    rootId,
    state: reference.AgentContactState,
  };
  if (reference.InitiationMethod) {
    const method = InitiationMethodSchema.safeParse(reference.InitiationMethod);
    contact.method = method.success ? method.data : 'OTHER';
  }
  if (reference.StateStartTimestamp !== undefined) contact.stateStartAt = reference.StateStartTimestamp;
  if (reference.ConnectedToAgentTimestamp !== undefined)
    contact.connectedAt = reference.ConnectedToAgentTimestamp;
  if (reference.Queue?.Arn) contact.queue = { arn: reference.Queue.Arn };
  return contact;
}
