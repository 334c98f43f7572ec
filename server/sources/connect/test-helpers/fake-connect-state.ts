/**
 * What the fake Amazon Connect knows and how it misbehaves, set by each test, plus builders for it.
 * Times are epoch milliseconds here; the fake sends them as restJson1 epoch seconds.
 */

export type FakeAgentContact = {
  ContactId: string;
  Channel: string;
  InitiationMethod?: string;
  AgentContactState: string;
  StateStartTimestamp?: number;
  ConnectedToAgentTimestamp?: number;
  Queue?: { Id: string; Arn: string };
};

export type FakeUser = { id: string; arn: string; contacts: FakeAgentContact[] };

export type FakeContact = {
  id: string;
  initialContactId?: string;
  previousContactId?: string;
  initiationMethod: string;
  channel: string;
  agentId?: string;
  initiatedAt: number;
  disconnectedAt?: number;
  disconnectReason?: string;
};

export type FakeOperation = 'GetCurrentUserData' | 'DescribeContact' | 'DescribeInstanceAttribute';

export type FakeConnectState = {
  instanceId: string;
  /** Users by agent id (the last path segment of the agent ARN). */
  users: Map<string, FakeUser>;
  contacts: Map<string, FakeContact>;
  /** Instance attributes by type, e.g. MULTI_PARTY_CONFERENCE → "true". */
  attributes: Map<string, string>;
  /** UserData entries per GetCurrentUserData page, whatever MaxResults asks for. */
  pageSize: number;
  /** Requests still to answer with 429 ThrottlingException (Infinity: all of them). */
  throttle: number;
  /** A raw body to answer an operation with instead of the real one (malformed-response tests). */
  rawBody: Partial<Record<FakeOperation, string>>;
};

export function createFakeConnectState(instanceId: string): FakeConnectState {
  return {
    instanceId,
    users: new Map(),
    contacts: new Map(),
    attributes: new Map([['MULTI_PARTY_CONFERENCE', 'true']]),
    pageSize: 100,
    throttle: 0,
    rawBody: {},
  };
}

/** A user as GetCurrentUserData returns it; its id is the ARN's last path segment. */
export function fakeUser(arn: string, contacts: FakeAgentContact[] = []): FakeUser {
  return { id: arn.slice(arn.lastIndexOf('/') + 1), arn, contacts };
}

/** One of a user's contacts, connected voice by default. */
export function fakeAgentContact(
  contactId: string,
  at: number,
  overrides: Partial<FakeAgentContact> = {},
): FakeAgentContact {
  return {
    ContactId: contactId,
    Channel: 'VOICE',
    InitiationMethod: 'INBOUND',
    AgentContactState: 'CONNECTED',
    StateStartTimestamp: at,
    ConnectedToAgentTimestamp: at,
    ...overrides,
  };
}

/** A voice contact as DescribeContact returns it; ended when `disconnectedAt` is set. */
export function fakeContact(
  id: string,
  initiatedAt: number,
  overrides: Partial<FakeContact> = {},
): FakeContact {
  return { id, initiationMethod: 'INBOUND', channel: 'VOICE', initiatedAt, ...overrides };
}

/** Adds users and contacts to the state. */
export function seedFake(
  state: FakeConnectState,
  seed: { users?: FakeUser[]; contacts?: FakeContact[] },
): void {
  for (const user of seed.users ?? []) state.users.set(user.id, user);
  for (const contact of seed.contacts ?? []) state.contacts.set(contact.id, contact);
}
