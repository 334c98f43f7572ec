import { cloneModel } from './clone-model';
import { compareFacts, factKey, type Fact } from './facts';
import { closeModel, createModel, endAsStale, stepFact } from './fold';
import { KeyDigests } from './key-digests';
import type { ConferenceMode } from './enums';
import type { ConferenceModel } from './types';

/**
 * How far behind the newest fact (in source time) a fact may arrive and still cost nothing extra.
 * The three sources report the same moment with different delays (the CCP in milliseconds, contact
 * events after a second or more), so facts routinely arrive a little out of order.
 */
export const SETTLE_MS = 5_000;

/** O6: when a record folds its old facts into a checkpoint and drops them. */
export type CompactionSettings = { compactAfterFacts: number; compactHorizonMs: number };

const NEVER: CompactionSettings = { compactAfterFacts: Infinity, compactHorizonMs: Infinity };

/** What adding a fact did: it was new, a duplicate (O1), or it arrived behind the compaction line (O6). */
export type AddOutcome = 'added' | 'duplicate' | 'late';

/**
 * One conference as the engine keeps it: the set of facts about it, sorted in fold order, and the
 * model folded from them, so the model never depends on delivery order (O2).
 *
 * The head model is the fold of every fact: a fact that sorts last is stepped onto it. A fact that
 * sorts earlier (the sources report the same moment with different delays) invalidates it, and the
 * next read rebuilds it from the committed model — the fold, done once, of the facts older than
 * the newest by more than SETTLE_MS — plus the recent tail. Only a fact later than that (a
 * reordered delivery) drops the committed model and costs a fold from the base. Reads are lazy, so
 * a burst of facts between two reads costs at most one rebuild.
 *
 * O6: a long call would hold every fact until it ends. Once a record holds more than
 * `compactAfterFacts`, the facts older than `compactHorizonMs` behind the newest are folded into the
 * base (the checkpoint every fold starts from) and dropped; only their keys stay, for O1. A fact that
 * later sorts before that line can no longer be folded in order: it is folded into the base as it
 * comes, by rules that cannot corrupt the picture (stages only move forward, O3; hold, mute and the
 * Contact Lens flag keep the newest report, O2; other values are only filled in where unknown).
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
  /** The keys of the facts folded into the base and dropped. */
  private readonly compacted = new KeyDigests();
  /** The fold of every dropped fact, undefined until the first compaction. */
  private base: ConferenceModel | undefined;
  /** The last fact compacted, in fold order, and its key: the compaction line. */
  private line: { fact: Fact; key: string } | undefined;
  /** The fold of the base and `facts[0 .. committedCount)`, or undefined when it must be folded again. */
  private committed: ConferenceModel | undefined;
  private committedCount = 0;
  private head: ConferenceModel | undefined;

  constructor(
    readonly id: string,
    readonly mode: ConferenceMode,
    private readonly compaction: CompactionSettings = NEVER,
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

  /** How many facts were folded into the base and dropped (O6). */
  get compactedCount(): number {
    return this.compacted.size;
  }

  /** Whether a fact with this key is known, held or compacted (O1). */
  has(key: string): boolean {
    return this.keys.has(key) || this.compacted.has(key);
  }

  isCompacted(key: string): boolean {
    return this.compacted.has(key);
  }

  /** Adds a fact unless its key is known: in fold order, or (behind the compaction line) into the base. */
  add(fact: Fact, key: string): AddOutcome {
    if (this.has(key)) return 'duplicate';
    if (this.line && compareFacts(fact, this.line.fact, key, this.line.key) < 0) {
      this.compacted.addAll([key]);
      stepFact(this.base!, fact);
      this.committed = undefined;
      this.committedCount = 0;
      this.head = undefined;
      return 'late';
    }
    this.insert(fact, key);
    return 'added';
  }

  /** Removes a held fact by key; returns it, if there was one. */
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

  /** Inserts a fact (already known to be new, and not behind the line) in fold order. */
  private insert(fact: Fact, key: string): void {
    this.keys.set(key, fact);
    const last = this.facts[this.facts.length - 1];
    const append = !last || compareFacts(last, fact, undefined, key) <= 0;
    const index = append ? this.facts.length : insertionIndex(this.facts, fact, key);
    this.facts.splice(index, 0, fact);
    if (append && this.head && this.staleAt === undefined && this.closedAt === undefined) {
      stepFact(this.head, fact);
    } else this.changedAt(index);
    this.compact();
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
      this.committed = this.base
        ? cloneModel(this.base)
        : createModel(this.id, this.mode, this.facts[0]?.at ?? 0);
      this.committedCount = 0;
    }
    while (this.committedCount < this.facts.length && this.facts[this.committedCount]!.at <= line) {
      stepFact(this.committed, this.facts[this.committedCount]!);
      this.committedCount += 1;
    }
    return this.committed;
  }

  /**
   * O6: folds the facts older than the horizon into the base and drops them. It runs once the oldest
   * held fact is a quarter horizon past the line, so it works in batches rather than a fact an insert.
   */
  private compact(): void {
    const { compactAfterFacts, compactHorizonMs } = this.compaction;
    const facts = this.facts;
    if (facts.length <= compactAfterFacts) return;
    const line = facts[facts.length - 1]!.at - compactHorizonMs;
    if (!(facts[0]!.at < line - compactHorizonMs / 4)) return;
    let count = 0;
    while (count < facts.length - 1 && facts[count]!.at <= line) count++;
    const base = (this.base ??= createModel(this.id, this.mode, facts[0]!.at));
    const keys: string[] = [];
    for (let i = 0; i < count; i++) {
      const key = factKey(facts[i]!);
      stepFact(base, facts[i]!);
      this.keys.delete(key);
      keys.push(key);
    }
    this.compacted.addAll(keys);
    this.line = { fact: facts[count - 1]!, key: keys[count - 1]! };
    facts.splice(0, count);
    if (this.committedCount >= count) this.committedCount -= count;
    else {
      this.committed = undefined;
      this.committedCount = 0;
    }
  }
}

export function createRecord(
  id: string,
  mode: ConferenceMode,
  facts: readonly Fact[] = [],
  compaction?: CompactionSettings,
): ConferenceRecord {
  const record = new ConferenceRecord(id, mode, compaction);
  for (const fact of [...facts].sort((a, b) => compareFacts(a, b))) record.add(fact, factKey(fact));
  return record;
}

/** Adds a fact: new, a duplicate of one already known (O1), or folded in behind the line (O6). */
export function addFact(record: ConferenceRecord, fact: Fact): AddOutcome {
  return record.add(fact, factKey(fact));
}

/**
 * Replaces (or removes) the fact stored under `key`; used for derived facts that move in time. One
 * already compacted stays as it was folded: taking it back could only revive a party (O3).
 */
export function replaceFact(record: ConferenceRecord, key: string, fact: Fact | undefined): boolean {
  if (record.isCompacted(key)) return false;
  const old = record.keys.get(key);
  if (old === fact || (old && fact && old.at === fact.at)) return false;
  record.remove(key);
  if (fact) record.add(fact, key);
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
