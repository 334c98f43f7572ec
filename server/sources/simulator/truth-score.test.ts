import { describe, expect, test } from 'vitest';
import { ConferenceModeSchema } from '@/lib/conference';
import { scoreAgainstTruth } from './truth-score';

describe("the dashboard against the simulator's truth", () => {
  test('M1–M8 with every item delivered (duplicated and reordered as EventBridge does), the engine matches the truth', () => {
    for (const mode of ConferenceModeSchema.options) {
      const score = scoreAgainstTruth({ seed: 11, mode, duplicateRate: 0.05, reorderRate: 0.1 }, 10);
      expect(score.compared).toBeGreaterThan(2_000);
      expect(score.samples).toEqual([]);
      expect(score.accuracy).toBe(1);
      expect(score.muteMatching / score.muteCompared).toBeGreaterThan(0.99);
    }
  }, 60_000);

  test('with 5 % of items lost, the picture degrades but stays mostly right', () => {
    const score = scoreAgainstTruth({ seed: 11, lossRate: 0.05 }, 10);
    expect(score.accuracy).toBeLessThan(1);
    expect(score.accuracy).toBeGreaterThan(0.8);
  }, 60_000);
});
