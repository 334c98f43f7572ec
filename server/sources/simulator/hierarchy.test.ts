import { beforeAll, describe, expect, test } from 'vitest';
import {
  applyEvent,
  createEngine,
  inScope,
  scopeKeysOf,
  toConferenceView,
  type ConferenceView,
} from '@/lib/conference';
import { createNormalizeContext } from '@/server/ingest/normalize-context';
import { NORMALIZERS } from '@/server/ingest/streams';
import { runSimulation, type Run } from './test-helpers/runs';

/** Folds a run's deliveries, in delivery order, and returns the views of every conference. */
function foldRun(run: Run): ConferenceView[] {
  const engine = createEngine();
  for (const item of run.items) {
    const normalized = NORMALIZERS[item.stream](item.payload, createNormalizeContext(Date.parse(item.at)));
    if (normalized.kind === 'event') applyEvent(engine, normalized.event, Date.parse(item.at));
  }
  const now = Date.parse(run.items[run.items.length - 1]!.at);
  return [...engine.conferences.values()].map((r) => toConferenceView(r.model, 60_000, now));
}

describe('agent hierarchy groups in the simulated streams (issue 11)', () => {
  let run: Run;
  let views: ConferenceView[];
  beforeAll(() => {
    run = runSimulation({ seed: 5 }, 8);
    views = foldRun(run);
  });

  test('S1 every agent record names a site (Level1) and a team (Level2) in AgentHierarchyGroups', () => {
    expect(run.agentEvents.length).toBeGreaterThan(100);
    const sites = new Set<string>();
    for (const record of run.agentEvents) {
      const groups = record.CurrentAgentSnapshot.Configuration.AgentHierarchyGroups;
      expect(groups?.Level1?.ARN).toMatch(/\/agent-group\//);
      expect(groups?.Level2?.Name).toBeTruthy();
      sites.add(groups!.Level1!.Name);
    }
    expect([...sites].sort()).toEqual(['Berlin', 'Lisbon']);
  });

  test('S1 contact events name the same groups by ARN in agentInfo.hierarchyGroups', () => {
    const byAgent = new Map<string, string>();
    for (const record of run.agentEvents)
      byAgent.set(
        record.AgentARN,
        record.CurrentAgentSnapshot.Configuration.AgentHierarchyGroups!.Level1!.ARN,
      );
    const withAgent = run.contactEvents.filter((e) => e.detail.agentInfo);
    expect(withAgent.length).toBeGreaterThan(50);
    for (const { detail } of withAgent) {
      const known = byAgent.get(detail.agentInfo!.agentArn);
      if (known) expect(detail.agentInfo!.hierarchyGroups?.level1?.arn).toBe(known);
    }
  });

  test('S1 folded, every confirmed agent has its named groups, and a site scope picks some calls, not all', () => {
    const agents = views.flatMap((v) => v.participants.filter((p) => p.role === 'agent' && !p.ccpOnly));
    expect(agents.length).toBeGreaterThan(20);
    for (const p of agents) expect(p.hierarchyGroups.map((g) => g.level)).toEqual([1, 2]);
    expect(agents.every((p) => p.hierarchyGroups.every((g) => g.name !== null))).toBe(true);
    const berlin = views.filter((v) => inScope(scopeKeysOf(v), { groups: ['Berlin'] }));
    expect(berlin.length).toBeGreaterThan(0);
    expect(berlin.length).toBeLessThan(views.length);
    const queues = views.filter((v) => inScope(scopeKeysOf(v), { queues: ['Billing'] }));
    expect(queues.length).toBeGreaterThan(0);
    expect(queues.every((v) => v.queues.some((q) => q.name === 'Billing'))).toBe(true);
  });
});
