import { randomBytes } from 'node:crypto';
import { agentArn, agentContact, agentEvent, at, queueArn, T0 } from '@/server/test-helpers/raw-builders';

/**
 * Thin adaptations of the sidecar's raw builders for the browser suite: times relative to now (so
 * the board shows realistic durations), real-looking agent names, and agent contacts that carry the
 * times and queue of the call they describe.
 */

/** Builder seconds (after T0) for the moment `ago` seconds before now. */
export const secondsAgo = (ago = 0): number => (Date.now() - T0) / 1000 - ago;

export type Agent = { username: string; first: string; last: string; name: string; arn: string };

/**
 * An agent with a unique login: an agent's snapshot lists every contact it is on, so sharing one
 * login between tests would make it leave the other test's calls (M7).
 */
export function newAgent(first: string, last: string): Agent {
  const username = `${first}.${last}.${randomBytes(3).toString('hex')}`.toLowerCase();
  return { username, first, last, name: `${first} ${last}`, arn: agentArn(username) };
}

/** A short unique suffix for names that must not collide with other tests' data. */
export const uniqueSuffix = (): string => randomBytes(2).toString('hex');

export type AgentLeg = {
  root: string;
  contactId: string;
  method: string;
  queue: string;
  joinedAt: number;
};

/** One entry of `CurrentAgentSnapshot.Contacts[]` for the agent's leg of a call. */
export function agentLegContact(state: string, leg: AgentLeg, s: number) {
  return {
    ...agentContact(state, { root: leg.root, contactId: leg.contactId, method: leg.method }),
    ConnectedToAgentTimestamp: at(leg.joinedAt),
    QueueTimestamp: at(leg.joinedAt),
    StateStartTimestamp: at(s),
    Queue: { ARN: queueArn(leg.queue), Name: leg.queue },
  };
}

/** An agent event stream record for `agent` at second `s`, with the agent's real name. */
export function agentSnapshot(agent: Agent, s: number, contacts: ReturnType<typeof agentLegContact>[]) {
  const event = agentEvent(agent.username, s, contacts);
  const snapshot = event.CurrentAgentSnapshot;
  return {
    ...event,
    CurrentAgentSnapshot: {
      ...snapshot,
      Configuration: { ...snapshot.Configuration, FirstName: agent.first, LastName: agent.last },
    },
  };
}
