import { describe, expect, test } from 'vitest';
import { DEFAULT_START_AT } from './config';
import { createSimulator, SimulatorConfigSchema } from './index';
import type { RecordedItem } from '../recording';
import { cachedRun, runSimulation } from './test-helpers/runs';

/** The identity O1 de-duplicates by: EventBridge `id`, agent `EventId`, or reporter + reportedAt + connections. */
function duplicateKey(item: RecordedItem): string {
  const p = item.payload as Record<string, unknown>;
  if (item.stream === 'contact-events') return `c|${String(p.id)}`;
  if (item.stream === 'agent-events') return `a|${String(p.EventId)}`;
  return `p|${String(p.agentArn)}|${String(p.reportedAt)}|${JSON.stringify(p.connections)}`;
}

describe('determinism', () => {
  test('the same seed and options give the same items and the same truth', () => {
    const a = runSimulation({ seed: 42 }, 4);
    const b = runSimulation({ seed: 42 }, 4);
    expect(JSON.stringify(b.items)).toBe(JSON.stringify(a.items));
    expect(JSON.stringify(b.truths)).toBe(JSON.stringify(a.truths));
    expect(b.stats).toEqual(a.stats);
  });

  test('another seed gives another run', () => {
    const a = cachedRun({ seed: 42 }, 2);
    const b = cachedRun({ seed: 43 }, 2);
    expect(JSON.stringify(b.items)).not.toBe(JSON.stringify(a.items));
  });

  test('advancing in big or small steps delivers the same items', () => {
    const coarse = createSimulator({ seed: 9 });
    const fine = createSimulator({ seed: 9 });
    const end = DEFAULT_START_AT + 180_000;
    const stepped: RecordedItem[] = [];
    for (let t = DEFAULT_START_AT; t <= end; t += 7_000) stepped.push(...fine.advance(t));
    stepped.push(...fine.advance(end));
    expect(stepped).toEqual(coarse.advance(end));
  });
});

describe('runs of one seed (a restarted simulator)', () => {
  test('O1 a later run is the same contact centre with new contact, event and connection ids', () => {
    const first = cachedRun({ seed: 42 }, 2);
    const later = runSimulation({ seed: 42, run: 1_796_157_585, startAt: DEFAULT_START_AT + 3_600_000 }, 2);
    const people = (run: typeof first) => new Set(run.agentEvents.map((e) => e.AgentARN));
    const queues = (run: typeof first) =>
      new Set(run.contactEvents.flatMap((e) => (e.detail.queueInfo ? [e.detail.queueInfo.queueArn] : [])));
    expect(people(later)).toEqual(people(first));
    expect(people(first).size).toBe(44);
    expect(queues(later)).toEqual(queues(first));
    const contacts = (run: typeof first) => new Set(run.contactEvents.map((e) => e.detail.contactId));
    const keys = (run: typeof first) => new Set(run.items.map(duplicateKey));
    expect(contacts(later).size).toBeGreaterThan(5);
    expect([...contacts(later)].filter((id) => contacts(first).has(id))).toEqual([]);
    expect([...keys(later)].filter((key) => keys(first).has(key))).toEqual([]);
  });

  test('the same run of the same seed repeats exactly', () => {
    const config = { seed: 42, run: 3, startAt: DEFAULT_START_AT + 60_000 };
    expect(JSON.stringify(runSimulation(config, 1).items)).toBe(
      JSON.stringify(runSimulation(config, 1).items),
    );
  });
});

describe('delivery (O1)', () => {
  test('items come out sorted by delivery time, none after the time asked for', () => {
    const simulator = createSimulator({ seed: 4 });
    let last = '';
    for (let t = DEFAULT_START_AT; t <= DEFAULT_START_AT + 300_000; t += 2_500) {
      for (const item of simulator.advance(t)) {
        expect(item.at >= last).toBe(true);
        expect(Date.parse(item.at)).toBeLessThanOrEqual(t);
        last = item.at;
      }
    }
    expect(last).not.toBe('');
  });

  test('O1 a duplicate is the same payload with the same id, delivered later; they are counted', () => {
    const run = cachedRun({ seed: 8, duplicateRate: 0.2 }, 3);
    const first = new Map<string, RecordedItem>();
    let repeats = 0;
    for (const item of run.items) {
      const key = duplicateKey(item);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, item);
        continue;
      }
      repeats += 1;
      expect(item.payload).toBe(earlier.payload);
      expect(item.at > earlier.at).toBe(true);
    }
    expect(repeats).toBe(run.stats.duplicates);
    expect(repeats).toBeGreaterThan(run.items.length / 10);
  });

  test('O1 reordered items arrive after items produced later; lost items never arrive', () => {
    const lossless = cachedRun({ seed: 8, reorderRate: 0.2, duplicateRate: 0 }, 4);
    const lossy = cachedRun({ seed: 8, reorderRate: 0.2, duplicateRate: 0, lossRate: 0.1 }, 3);
    expect(lossy.stats.reordered).toBeGreaterThan(0);
    const everything = new Set(lossless.items.map(duplicateKey));
    expect(lossy.items.every((item) => everything.has(duplicateKey(item)))).toBe(true);
    const sameSpan = lossless.items.filter((item) => item.at <= lossy.items.at(-1)!.at).length;
    const missing = sameSpan - lossy.items.length;
    expect(missing).toBeGreaterThan(sameSpan * 0.05);
    expect(missing).toBeLessThan(sameSpan * 0.15);
    const agentTimes = lossy.items
      .filter((i) => i.stream === 'agent-events')
      .map((i) => (i.payload as { EventTimestamp: string }).EventTimestamp);
    expect(agentTimes.some((t, i) => i > 0 && t < agentTimes[i - 1]!)).toBe(true);
  });
});

describe('configuration', () => {
  test('every option has a default', () => {
    const config = SimulatorConfigSchema.parse({});
    expect(config).toMatchObject({
      seed: 1,
      mode: 'multi-party',
      showcase: true,
      lossRate: 0,
      pascalCaseShare: 0.05,
    });
    expect(config.startAt).toBe(DEFAULT_START_AT);
  });

  test('bad options are refused with the option named', () => {
    expect(() => createSimulator({ duplicateRate: 2 })).toThrow(/duplicateRate/);
    expect(() => createSimulator({ mode: 'five-party' as 'multi-party' })).toThrow(/mode/);
    expect(() => createSimulator({ partyMix: { '2': 0, '3': 0, '4': 0, '5': 0, '6': 0 } })).toThrow(
      /party size/,
    );
    expect(() => SimulatorConfigSchema.parse({ agentz: 3 })).toThrow(/agentz/);
  });

  test('with no arrivals and no showcase only logins and heart beats are sent', () => {
    const run = runSimulation(
      { seed: 2, callsPerMinute: 0, showcase: false, agents: 3, supervisors: 1, duplicateRate: 0 },
      5,
    );
    const types = new Set(run.agentEvents.map((e) => e.EventType));
    expect(types).toEqual(new Set(['LOGIN', 'HEART_BEAT']));
    expect(run.contactEvents).toHaveLength(0);
    expect(run.agentEvents.filter((e) => e.EventType === 'HEART_BEAT').length).toBe(4 * 2);
  });

  test('stats name calls, conferences, refusals, duplicates, reorders, losses and scenarios', () => {
    const stats = cachedRun({ seed: 11 }, 10).stats;
    for (const key of [
      'calls',
      'conferences',
      'refusedR1',
      'refusedR4',
      'duplicates',
      'reordered',
      'lost',
      'scenario:two-party',
    ]) {
      expect(stats[key], key).toBeTypeOf('number');
    }
    expect(stats.calls).toBeGreaterThan(stats.conferences!);
  });
});
