import { describe, expect, test } from 'vitest';
import { ConferenceModeSchema, type ConferenceMode } from '@/lib/conference';
import { activeSize, cachedRun, conferenceIds, historyOf, isPresent, type Run } from './test-helpers/runs';

const runIn = (mode: ConferenceMode): Run => cachedRun({ seed: 11, mode }, 10);
const MODES = ConferenceModeSchema.options;

/**
 * The alert conditions of the ingest contract, judged from the truth and the raw contact events
 * alone, so that the showcase can be checked without the engine.
 */
function alertsSeen(run: Run, mode: ConferenceMode): Set<string> {
  const cap = mode === 'three-party' ? 3 : 6;
  const contactLensLegs = new Set(
    run.contactEvents
      .filter((e) => e.detail.contactLens?.conversationalAnalytics.configuration.enabled)
      .map((e) => e.detail.contactId),
  );
  const seen = new Set<string>();
  const holdSeconds = new Map<string, number>();
  for (const truth of run.truths) {
    for (const c of truth.conferences) {
      const size = activeSize(c);
      if (size === cap) seen.add('A1');
      if (size > cap) seen.add('A7');
      if (size >= 3 && c.parties.some((p) => p.state !== 'disconnected' && contactLensLegs.has(p.contactId)))
        seen.add('A2');
      const held = c.parties[0]!.state === 'hold' ? (holdSeconds.get(c.id) ?? 0) + 1 : 0;
      holdSeconds.set(c.id, held);
      if (held > 61) seen.add('A3');
      if (
        isPresent(c, (p) => p.role === 'customer') &&
        isPresent(c, (p) => p.role === 'external') &&
        !isPresent(c, (p) => p.role === 'agent')
      )
        seen.add('A4');
      if (c.parties[0]!.state === 'disconnected') seen.add('A5');
      if (c.parties.some((p) => p.primary && p.state === 'disconnected')) seen.add('A6');
    }
  }
  return seen;
}

describe('the showcase', () => {
  for (const mode of MODES) {
    test(`A1–A7 every alert condition arises in the first ten minutes (${mode})`, () => {
      expect([...alertsSeen(runIn(mode), mode)].sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7']);
    });
  }

  test('every showcase scenario is played, swap only in three-party mode', () => {
    const scenarios = [
      'mortgage-closing',
      'contact-lens-conflict',
      'long-hold',
      'no-agent',
      'caller-dropped',
      'primary-left',
      'cap-exceeded',
      'only-externals-left',
      'consult',
      'warm-transfer',
      'monitored',
    ];
    for (const mode of MODES) {
      const stats = runIn(mode).stats;
      for (const scenario of scenarios)
        expect(stats[`scenario:${scenario}`], `${mode} ${scenario}`).toBeGreaterThan(0);
    }
    expect(runIn('three-party').stats['scenario:swap']).toBeGreaterThan(0);
    expect(runIn('multi-party').stats['scenario:swap']).toBeUndefined();
  });

  test('the mortgage closing reaches six parties: caller, two agents, broker, spouse and translator', () => {
    const [id] = conferenceIds(runIn('multi-party'), 'mortgage-closing');
    const full = historyOf(runIn('multi-party'), id!).find((c) => activeSize(c) === 6)!;
    const roles = full.parties
      .filter((p) => p.state !== 'disconnected' && p.role !== 'supervisor')
      .map((p) => p.role);
    expect(roles.sort()).toEqual(['agent', 'agent', 'customer', 'external', 'external', 'external']);
  });
});
