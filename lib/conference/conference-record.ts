import { compareFacts, factKey, type Fact } from './facts';
import { closeModel, endAsStale, foldFacts, stepFact } from './fold';
import type { ConferenceMode, ConferenceModel } from './types';

/**
 * One conference as the engine keeps it: the set of facts about it, sorted in fold order, and the
 * model folded from them. A fact that sorts after the last one is stepped onto the model; one that
 * arrives late re-folds the conference, so the model never depends on delivery order (O2).
 */
export type ConferenceRecord = {
  id: string;
  mode: ConferenceMode;
  facts: Fact[];
  keys: Map<string, Fact>;
  model: ConferenceModel;
  /** Source time it was ended as stale (E5); survives re-folds. */
  staleAt?: number;
  /** Sidecar time it was moved to history; it is never listed again (O4). */
  archivedAt?: number;
  /** The end it was archived with: late facts may add to its record but never reopen it (O4). */
  closedAt?: number;
};

export function createRecord(
  id: string,
  mode: ConferenceMode,
  facts: readonly Fact[] = [],
): ConferenceRecord {
  const keyed = new Map<string, Fact>();
  for (const fact of facts) keyed.set(factKey(fact), fact);
  const sorted = [...keyed.values()].sort((a, b) => compareFacts(a, b));
  return { id, mode, facts: sorted, keys: keyed, model: foldFacts(id, mode, sorted) };
}

/** Adds a fact; false when the same fact is already there (O1). */
export function addFact(record: ConferenceRecord, fact: Fact): boolean {
  const key = factKey(fact);
  if (record.keys.has(key)) return false;
  record.keys.set(key, fact);
  const last = record.facts[record.facts.length - 1];
  if (!last || compareFacts(last, fact) <= 0) {
    record.facts.push(fact);
    if (record.staleAt === undefined && record.closedAt === undefined) stepFact(record.model, fact);
    else refold(record);
    return true;
  }
  record.facts.splice(insertionIndex(record.facts, fact, key), 0, fact);
  refold(record);
  return true;
}

/** Replaces (or removes) the fact stored under `key`; used for derived facts that move in time. */
export function replaceFact(record: ConferenceRecord, key: string, fact: Fact | undefined): boolean {
  const old = record.keys.get(key);
  if (old === fact || (old && fact && old.at === fact.at)) return false;
  if (old) {
    record.keys.delete(key);
    record.facts.splice(record.facts.indexOf(old), 1);
  }
  if (fact) {
    record.keys.set(key, fact);
    record.facts.splice(insertionIndex(record.facts, fact, key), 0, fact);
  }
  refold(record);
  return true;
}

export function markStale(record: ConferenceRecord, at: number): void {
  record.staleAt = at;
  endAsStale(record.model, at);
}

function refold(record: ConferenceRecord): void {
  record.model = foldFacts(record.id, record.mode, record.facts);
  if (record.staleAt !== undefined) endAsStale(record.model, record.staleAt);
  if (record.closedAt !== undefined) closeModel(record.model, record.closedAt, 'completed');
}

/** Marks a record archived; from now on it stays ended whatever late facts say (O4). */
export function closeRecord(record: ConferenceRecord, archivedAt: number): void {
  record.archivedAt = archivedAt;
  record.closedAt = record.model.endedAt ?? record.model.lastEventAt;
  closeModel(record.model, record.closedAt, 'completed');
}

function insertionIndex(facts: readonly Fact[], fact: Fact, key: string): number {
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareFacts(facts[mid]!, fact, undefined, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
