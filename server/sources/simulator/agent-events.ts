import type { SimContext } from './context';
import type { AgentStatusRef, Directory } from './directory';
import type { AgentContactEntry, Person } from './model';
import { toIso } from './time';

export type AgentEventType = 'STATE_CHANGE' | 'HEART_BEAT' | 'LOGIN' | 'LOGOUT';

/** How often an agent with nothing to report still sends a record. */
export const HEART_BEAT_MS = 120_000;

const configurations = new WeakMap<Person, Record<string, unknown>>();

/** `CONNECTED` reads `CONNECTED_ONHOLD` while the entry's held party is on hold (M7). */
function contactState(entry: AgentContactEntry): string {
  return entry.phase === 'CONNECTED' && entry.heldParty?.state === 'hold' ? 'CONNECTED_ONHOLD' : entry.phase;
}

/** `AgentHierarchyGroups` as the agent event stream spells it: `Level1`…`Level5` of `{ ARN, Name }`. */
function hierarchyGroupsOf(directory: Directory, person: Person): Record<string, unknown> | null {
  const groups = directory.hierarchyOf(person);
  if (groups.length === 0) return null;
  const levels: Record<string, unknown> = {};
  for (const group of groups) levels[`Level${group.level}`] = { ARN: group.arn, Name: group.name };
  return levels;
}

function configurationOf(directory: Directory, person: Person): Record<string, unknown> {
  let configuration = configurations.get(person);
  if (!configuration) {
    const profile = person.routingProfile;
    const queueRef = (q: { arn: string; name: string }) => ({
      ARN: q.arn,
      Name: q.name,
      Channels: ['VOICE'],
    });
    configuration = {
      AgentHierarchyGroups: hierarchyGroupsOf(directory, person),
      FirstName: person.firstName,
      LastName: person.lastName,
      RoutingProfile: {
        ARN: profile.arn,
        Name: profile.name,
        DefaultOutboundQueue: queueRef(profile.queues[0]!),
        InboundQueues: profile.queues.map(queueRef),
      },
      Username: person.username,
    };
    configurations.set(person, configuration);
  }
  return configuration;
}

function snapshotOf(
  directory: Directory,
  person: Person,
  status: AgentStatusRef,
  statusSince: number,
): Record<string, unknown> {
  return {
    AgentStatus: {
      ARN: status.arn,
      Name: status.name,
      StartTimestamp: toIso(statusSince),
      Type: status.type,
    },
    Configuration: configurationOf(directory, person),
    Contacts: person.contacts.map((entry) => {
      const leg = entry.leg;
      return {
        Channel: 'VOICE',
        ConnectedToAgentTimestamp: entry.connectedAt === null ? null : toIso(entry.connectedAt),
        ContactId: leg.contactId,
        InitialContactId: leg.contactId === leg.rootId ? null : leg.rootId,
        InitiationMethod: leg.method,
        Queue: leg.queue ? { ARN: leg.queue.arn, Name: leg.queue.name } : null,
        QueueTimestamp: leg.enqueuedAt === null ? null : toIso(leg.enqueuedAt),
        State: contactState(entry),
        StateStartTimestamp: toIso(entry.stateStartAt),
      };
    }),
  };
}

/** Sends one agent event stream record for `person` as it is now. */
export function emitAgentEvent(ctx: SimContext, person: Person, type: AgentEventType): void {
  const now = ctx.clock.now();
  const { directory } = ctx;
  const current =
    type === 'HEART_BEAT' && person.snapshot
      ? person.snapshot
      : snapshotOf(
          directory,
          person,
          type === 'LOGOUT' ? directory.offline : directory.available,
          type === 'LOGOUT' ? now : person.loginAt,
        );
  const previous =
    type === 'LOGIN' ? snapshotOf(directory, person, directory.offline, now) : (person.snapshot ?? current);
  ctx.delivery.send('agent-events', now, {
    AWSAccountId: ctx.config.accountId,
    AgentARN: person.arn,
    CurrentAgentSnapshot: current,
    EventId: ctx.ids.uuid(),
    EventTimestamp: toIso(now),
    EventType: type,
    InstanceARN: directory.instanceArn,
    PreviousAgentSnapshot: previous,
    Version: '2019-05-25',
  });
  person.snapshot = current;
  person.signature = signatureOf(person);
  person.lastEventAt = now;
}

function signatureOf(person: Person): string {
  let signature = '';
  for (const entry of person.contacts) signature += `${entry.leg.contactId}:${contactState(entry)};`;
  return signature;
}

/** One STATE_CHANGE record per agent per change: sends one only if a contact's state changed. */
export function syncAgent(ctx: SimContext, person: Person): void {
  if (signatureOf(person) !== person.signature) emitAgentEvent(ctx, person, 'STATE_CHANGE');
}
