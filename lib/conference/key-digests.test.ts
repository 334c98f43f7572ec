import { describe, expect, test } from 'vitest';
import { digestKey, KeyDigests } from './key-digests';

describe('O6 O1 the keys of compacted facts', () => {
  test('O1 keys added in batches are found; others are not', () => {
    const set = new KeyDigests();
    set.addAll(['p|a', 'p|c']);
    set.addAll(['c|b']);
    set.addAll([]);
    expect(set.size).toBe(3);
    for (const key of ['p|a', 'p|c', 'c|b']) expect(set.has(key)).toBe(true);
    for (const key of ['p|b', 'c|a', 'p|a ', '']) expect(set.has(key)).toBe(false);
  });

  test('O1 100,000 keys that differ in one place get 100,000 digests, each an exact integer', () => {
    const digests = new Set<number>();
    let unsafe = 0;
    for (let i = 0; i < 100_000; i++) {
      const digest = digestKey(`p|ccp-arn:aws:connect:eu-central-1:111122223333:agent/x-${i}-2026-11-23`);
      if (!Number.isSafeInteger(digest) || digest < 0) unsafe += 1;
      digests.add(digest);
    }
    expect(unsafe).toBe(0);
    expect(digests.size).toBe(100_000);
  });
});
