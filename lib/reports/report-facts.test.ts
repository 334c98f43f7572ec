import { describe, expect, test } from 'vitest';
import { agentArn, sec } from '@/lib/conference/test-helpers/builders';
import { buildView } from '@/server/store/test-fixtures/history-builders';
import { computeReportFacts } from './report-facts';
import { finalView, sixPartyScript } from './test-helpers/scripted-call';

const S = 1000;

describe('report facts of one call', () => {
  const view = finalView(sixPartyScript());
  const facts = computeReportFacts(view);

  test('R1 peak and size are the counted peak; time at the cap and times it was reached', () => {
    expect(view.state).toBe('ended');
    expect(facts.peak).toBe(6);
    expect(facts.size).toBe(6);
    expect(Math.max(...facts.counted.map((s) => s.count))).toBe(view.peakParticipants);
    expect(facts.atCapMs).toBe(60 * S);
    expect(facts.capReached).toBe(1);
  });

  test('conference minutes are the time with three or more counted parties', () => {
    // Bob is dialled at 65 s; the count falls to two when he leaves at 260 s.
    expect(facts.conferenceMs).toBe(195 * S);
    expect(facts.startedAt).toBe(sec(0));
    expect(facts.endedAt).toBe(sec(300));
  });

  test('A2 Contact Lens conflict time comes from the alert history', () => {
    expect(facts.contactLensConflicts).toBe(1);
    expect(facts.contactLensConflictMs).toBe(195 * S);
  });

  test('R29 consult hold: the caller held while two other parties are on the call', () => {
    // Held 60–105 s; Bob counts (dialling) from 65 s: 40 s, one episode.
    expect(facts.consultHoldMs).toBe(40 * S);
    expect(facts.consultHoldEpisodes).toBe(1);
    expect(facts.consultHoldLongestMs).toBe(40 * S);
  });

  test('R8 parties added, external parties and each agent with the parties they added', () => {
    expect(facts.partiesAdded).toBe(4);
    expect(facts.externalPartiesAdded).toBe(2);
    expect(facts.agents.map((a) => [a.arn, a.partiesAdded])).toEqual(
      [
        [agentArn('alice'), 2 + 1],
        [agentArn('bob'), 1],
        [agentArn('carol'), 0],
      ].sort(),
    );
    expect(facts.queues).toEqual([{ arn: 'arn:queue/support', name: 'support' }]);
    expect(facts.scopeKeys).toContain('queue:arn:queue/support');
    expect(facts.scopeKeys).toContain('queue:support');
    expect(facts.scopeKeys).toContain(`agent:${agentArn('bob')}`);
  });

  test('a plain hold on a two-party call is no consult hold, and no conference', () => {
    const two = buildView('two', { peak: 2 });
    two.participants = two.participants.slice(0, 2);
    const f = computeReportFacts(two);
    expect(f.consultHoldMs).toBe(0);
    expect(f.conferenceMs).toBe(0);
    expect(f.partiesAdded).toBe(0);
    expect(f.capReached).toBe(0);
  });

  test('a call that has not ended has no report facts', () => {
    expect(() => computeReportFacts(buildView('open', { endedAt: null }))).toThrow(/has not ended/);
  });
});
