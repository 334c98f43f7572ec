import { cloneModel } from './clone-model';
import { compareFacts, factKey, type Fact } from './facts';
import { closeModel, createModel, endAsStale, stepFact } from './fold';
import type { ConferenceMode } from './enums';
import type { ConferenceModel } from './types';

/**
 * How far behind the newest fact (in source time) a fact may arrive and still cost nothing extra.
 * The three sources report the same moment with different delays (the CCP in milliseconds, contact
 * events after a second or more), so facts routinely arrive a little out of order.
 */
export const SETTLE_MS = 5_000;

/**
 * One conference as the engine keeps it: the set of facts about it, sorted in fold order, and the
 * model folded from them, so the model never depends on delivery order (O2).
 *
 * The head model is the fold of every fact: a fact that sorts last is stepped onto it. A fact that
 * sorts earlier (the sources report the same moment with different delays) invalidates it, and the
 * next read rebuilds it from the committed model — the fold, done once, of the facts older than
 * the newest by more than SETTLE_MS — plus the recent tail. Only a fact later than that (a
 * reordered delivery) drops the committed model and costs a fold from the first fact. Reads are
 * lazy, so a burst of facts between two reads costs at most one rebuild.
 */
export class ConferenceRecord {
  readonly facts: Fact[] = [];
  readonly keys = new Map<string, Fact>();
  /** Source time it was ended as stale (E5); survives re-folds. */
  staleAt?: number;
  /** Sidecar time it was moved to history; it is never listed again (O4). */
  archivedAt?: number;
  /** The end it was archived with: late facts may add to its record but never reopen it (O4). */
  closedAt?: number;
  /** The fold of `facts[0 .. committedCount)`, or undefined when it must be folded again. */
  private committed: ConferenceModel | undefined;
  private committedCount = 0;
  private head: ConferenceModel | undefined;

  constructor(
    readonly id: string,
    readonly mode: ConferenceMode,
  ) {}

  /** The folded conference, as of every fact known. */
  get model(): ConferenceModel {
    if (this.head) return this.head;
    const head = cloneModel(this.commit());
    for (let i = this.committedCount; i < this.facts.length; i++) stepFact(head, this.facts[i]!);
    if (this.staleAt !== undefined) endAsStale(head, this.staleAt);
    if (this.closedAt !== undefined) closeModel(head, this.closedAt, 'completed');
    this.head = head;
    return head;
  }

  /** Inserts a fact (already known to be new) in fold order. */
  insert(fact: Fact, key: string): void {
    this.keys.set(key, fact);
    const last = this.facts[this.facts.length - 1];
    const append = !last || compareFacts(last, fact, undefined, key) <= 0;
    const index = append ? this.facts.length : insertionIndex(this.facts, fact, key);
    this.facts.splice(index, 0, fact);
    if (append && this.head && this.staleAt === undefined && this.closedAt === undefined) {
      stepFact(this.head, fact);
      return;
    }
    this.changedAt(index);
  }

  /** Removes a fact by key; returns it, if there was one. */
  remove(key: string): Fact | undefined {
    const fact = this.keys.get(key);
    if (!fact) return undefined;
    this.keys.delete(key);
    const index = this.facts.indexOf(fact);
    this.facts.splice(index, 1);
    this.changedAt(index);
    return fact;
  }

  invalidate(): void {
    this.head = undefined;
  }

  private changedAt(index: number): void {
    this.head = undefined;
    if (index < this.committedCount) {
      this.committed = undefined;
      this.committedCount = 0;
    }
  }

  /** Brings the committed model up to the settle line and returns it. */
  private commit(): ConferenceModel {
    const newest = this.facts[this.facts.length - 1]?.at ?? 0;
    const line = newest - SETTLE_MS;
    if (!this.committed) {
      this.committed = createModel(this.id, this.mode, this.facts[0]?.at ?? 0);
      this.committedCount = 0;
    }
    while (this.committedCount < this.facts.length && this.facts[this.committedCount]!.at <= line) {
      stepFact(this.committed, this.facts[this.committedCount]!);
      this.committedCount += 1;
    }
    return this.committed;
  }
}

export function createRecord(
  id: string,
  mode: ConferenceMode,
  facts: readonly Fact[] = [],
): ConferenceRecord {
  const record = new ConferenceRecord(id, mode);
  for (const fact of [...facts].sort((a, b) => compareFacts(a, b))) {
    const key = factKey(fact);
    if (!record.keys.has(key)) record.insert(fact, key);
  }
  return record;
}

/** Adds a fact; false when the same fact is already there (O1). */
export function addFact(record: ConferenceRecord, fact: Fact): boolean {
  const key = factKey(fact);
  if (record.keys.has(key)) return false;
  record.insert(fact, key);
  return true;
}

/** Replaces (or removes) the fact stored under `key`; used for derived facts that move in time. */
export function replaceFact(record: ConferenceRecord, key: string, fact: Fact | undefined): boolean {
  const old = record.keys.get(key);
  if (old === fact || (old && fact && old.at === fact.at)) return false;
  record.remove(key);
  if (fact) record.insert(fact, key);
  return true;
}

export function markStale(record: ConferenceRecord, at: number): void {
  record.staleAt = at;
  record.invalidate();
}

/** Marks a record archived; from now on it stays ended whatever late facts say (O4). */
export function closeRecord(record: ConferenceRecord, archivedAt: number): void {
  const model = record.model;
  record.archivedAt = archivedAt;
  record.closedAt = model.endedAt ?? model.lastEventAt;
  record.invalidate();
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
