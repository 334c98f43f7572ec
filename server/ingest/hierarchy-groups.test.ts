import { describe, expect, test } from 'vitest';
import { agentContact, agentEvent, contactEvent, pascalDetail, T0 } from '@/server/test-helpers/raw-builders';
import { normalizeAgentEvent } from './normalize-agent-event';
import { normalizeContactEvent } from './normalize-contact-event';
import { createNormalizeContext } from './normalize-context';

const AT_T0 = createNormalizeContext(T0);
const normalizeAgentEventAtT0 = (raw: unknown) => normalizeAgentEvent(raw, AT_T0);
const normalizeContactEventAtT0 = (raw: unknown) => normalizeContactEvent(raw, AT_T0);

const GROUP = 'arn:aws:connect:eu-central-1:111122223333:instance/i-1/agent-group';

/** An agent record whose configuration carries `AgentHierarchyGroups` as the agent event stream sends it. */
function withGroups(groups: unknown) {
  const record = agentEvent('alice', 5, [agentContact('CONNECTED')]);
  return {
    ...record,
    CurrentAgentSnapshot: {
      ...record.CurrentAgentSnapshot,
      Configuration: { ...record.CurrentAgentSnapshot.Configuration, AgentHierarchyGroups: groups },
    },
  };
}

/** A contact event whose `agentInfo` carries `hierarchyGroups.levelN.arn`. */
function contactWithGroups(groups: unknown) {
  const event = contactEvent('CONNECTED_TO_AGENT', 3, { agent: 'alice' });
  const agentInfo = event.detail.agentInfo as Record<string, unknown>;
  return { ...event, detail: { ...event.detail, agentInfo: { ...agentInfo, hierarchyGroups: groups } } };
}

describe('agent hierarchy groups at the edge (issue 11 scope keys)', () => {
  test('S1 agent events: every level of AgentHierarchyGroups with an ARN, with its name', () => {
    const normalized = normalizeAgentEventAtT0(
      withGroups({
        Level1: { ARN: `${GROUP}/berlin`, Name: 'Berlin' },
        Level2: { ARN: `${GROUP}/north`, Name: 'North' },
        Level3: null,
        Level4: { ARN: `${GROUP}/desk`, Name: null },
      }),
    );
    expect(normalized).toMatchObject({
      kind: 'event',
      event: {
        hierarchyGroups: [
          { level: 1, arn: `${GROUP}/berlin`, name: 'Berlin' },
          { level: 2, arn: `${GROUP}/north`, name: 'North' },
          { level: 4, arn: `${GROUP}/desk` },
        ],
      },
    });
  });

  test('S1 agent events: AgentHierarchyGroups null (as AWS samples send it) or absent gives no groups', () => {
    for (const groups of [null, undefined, {}]) {
      const normalized = normalizeAgentEventAtT0(withGroups(groups));
      expect(normalized.kind).toBe('event');
      expect(normalized.kind === 'event' && 'hierarchyGroups' in normalized.event).toBe(false);
    }
  });

  test('S1 contact events: agentInfo.hierarchyGroups.level1..5.arn, camelCase or PascalCase', () => {
    const raw = contactWithGroups({ level1: { arn: `${GROUP}/berlin` }, level3: { arn: `${GROUP}/desk` } });
    const expected = [
      { level: 1, arn: `${GROUP}/berlin` },
      { level: 3, arn: `${GROUP}/desk` },
    ];
    expect(normalizeContactEventAtT0(raw)).toMatchObject({ event: { hierarchyGroups: expected } });
    expect(normalizeContactEventAtT0(pascalDetail(raw))).toMatchObject({
      event: { hierarchyGroups: expected },
    });
  });

  test('O5 a group ARN that is not a string is rejected with its path', () => {
    const normalized = normalizeContactEventAtT0(contactWithGroups({ level1: { arn: 42 } }));
    expect(normalized).toMatchObject({ kind: 'rejected' });
    expect(normalized.kind === 'rejected' && normalized.reason).toContain('hierarchyGroups.level1.arn');
    const agent = normalizeAgentEventAtT0(withGroups({ Level2: { ARN: ['x'] } }));
    expect(agent.kind === 'rejected' && agent.reason).toContain('AgentHierarchyGroups.Level2.ARN');
  });
});
