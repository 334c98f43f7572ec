import { describe, expect, test } from 'vitest';
import { agentArn, queueArn } from '@/server/test-helpers/raw-builders';
import { agentIdOf, chunk, toAgentSnapshot } from './agent-snapshots';
import type { AgentContactReference, UserData } from './connect-schemas';

const AT = 1_800_000_000_000;

function reference(contactId: string, overrides: Partial<AgentContactReference> = {}): AgentContactReference {
  return { ContactId: contactId, Channel: 'VOICE', AgentContactState: 'CONNECTED', ...overrides };
}

function userData(name: string, contacts: AgentContactReference[]): UserData {
  return { User: { Id: name, Arn: agentArn(name) }, Contacts: contacts };
}

const roots = new Map([
  ['root-1', 'root-1'],
  ['leg-1', 'root-1'],
]);
const rootOf = (contactId: string) => roots.get(contactId);

describe('agent snapshots from GetCurrentUserData', () => {
  test('the agent id is the last path segment of the agent ARN', () => {
    expect(agentIdOf('arn:aws:connect:eu-central-1:111122223333:instance/i-1/agent/4f1b-9a')).toBe('4f1b-9a');
  });

  test('chunk splits into runs of at most the size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 100)).toEqual([]);
  });

  test('M7 a voice contact of a known call maps to the contact on its root, with state and times', () => {
    const event = toAgentSnapshot(
      userData('amy', [
        reference('leg-1', {
          InitiationMethod: 'TRANSFER',
          AgentContactState: 'CONNECTED_ONHOLD',
          StateStartTimestamp: AT - 5_000,
          ConnectedToAgentTimestamp: AT - 9_000,
          Queue: { Id: 'q', Arn: queueArn('Sales') },
        }),
      ]),
      rootOf,
      AT,
    );
    expect(event).toEqual({
      source: 'agent',
      eventId: `reconcile:${agentArn('amy')}:${AT}`,
      at: AT,
      agentArn: agentArn('amy'),
      contacts: [
        {
          contactId: 'leg-1',
          rootId: 'root-1',
          method: 'TRANSFER',
          state: 'CONNECTED_ONHOLD',
          stateStartAt: AT - 5_000,
          connectedAt: AT - 9_000,
          queue: { arn: queueArn('Sales') },
        },
      ],
    });
  });

  test('M7 other channels and contacts of calls the sidecar does not know are left out', () => {
    const event = toAgentSnapshot(
      userData('amy', [
        reference('chat-9', { Channel: 'CHAT' }),
        reference('unknown-call'),
        reference('root-1', { InitiationMethod: 'AGENT_REPLY' }),
      ]),
      rootOf,
      AT,
    );
    expect(event.contacts).toEqual([
      { contactId: 'root-1', rootId: 'root-1', method: 'OTHER', state: 'CONNECTED' },
    ]);
  });

  test('M7 an agent with no contacts gives an empty snapshot: the engine reads it as having left', () => {
    expect(toAgentSnapshot({ User: { Arn: agentArn('amy') } }, rootOf, AT).contacts).toEqual([]);
  });
});
