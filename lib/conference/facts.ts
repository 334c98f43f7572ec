import type { AgentContact, AgentEvent, CcpEvent, ContactEvent, HierarchyGroup, PersonName } from './events';

/** The part of one agent snapshot that concerns one conference. */
export type AgentFact = {
  source: 'agent';
  eventId: string;
  at: number;
  agentArn: string;
  name?: PersonName;
  hierarchyGroups?: HierarchyGroup[];
  contacts: AgentContact[];
};

/** Derived from the agent's snapshots: the agent is missing from `contactId` from `at` on (M7). */
export type AbsenceFact = {
  source: 'absence';
  at: number;
  agentArn: string;
  contactId: string;
};

/** What a conference is folded from. */
export type Fact = ContactEvent | AgentFact | AbsenceFact | CcpEvent;

const RANK: Record<Fact['source'], number> = { contact: 0, agent: 1, absence: 2, ccp: 3 };

/** The identity of a fact inside one conference: a second fact with the same key is a duplicate (O1). */
export function factKey(fact: Fact): string {
  switch (fact.source) {
    case 'contact':
      return `c|${fact.eventId}`;
    case 'agent':
      return `a|${fact.eventId}`;
    case 'absence':
      return `x|${fact.agentArn}|${fact.contactId}`;
    case 'ccp':
      return `p|${fact.eventId}`;
  }
}

/**
 * The total order facts are folded in: source time, then a fixed source rank, then the key. Any
 * delivery order of the same facts therefore folds to the same conference.
 */
export function compareFacts(a: Fact, b: Fact, keyA = factKey(a), keyB = factKey(b)): number {
  if (a.at !== b.at) return a.at - b.at;
  const rank = RANK[a.source] - RANK[b.source];
  if (rank !== 0) return rank;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/** Splits an agent snapshot into one fact per conference it mentions. */
export function splitAgentEvent(event: AgentEvent): Map<string, AgentFact> {
  const byRoot = new Map<string, AgentFact>();
  for (const contact of event.contacts) {
    let fact = byRoot.get(contact.rootId);
    if (!fact) {
      fact = {
        source: 'agent',
        eventId: event.eventId,
        at: event.at,
        agentArn: event.agentArn,
        contacts: [],
      };
      if (event.name) fact.name = event.name;
      if (event.hierarchyGroups) fact.hierarchyGroups = event.hierarchyGroups;
      byRoot.set(contact.rootId, fact);
    }
    fact.contacts.push(contact);
  }
  return byRoot;
}

export type { AgentEvent, CcpEvent, ContactEvent };
