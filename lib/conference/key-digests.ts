/**
 * The keys of facts a record no longer holds (compacted into its checkpoint, O6), kept so that a
 * repeat of one is still known for a duplicate (O1). A key is kept as a 53-bit digest in one sorted
 * typed array: 8 bytes a key instead of a string and a map entry. Two keys share a digest with odd
 * about n²/2⁵⁴ (about 10⁻⁸ for the 15,000 facts of a four-hour call); the cost of that would be one
 * fact taken for a repeat.
 */
export class KeyDigests {
  private sorted = new Float64Array(0);

  get size(): number {
    return this.sorted.length;
  }

  has(key: string): boolean {
    const digest = digestKey(key);
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < digest) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo] === digest;
  }

  /** Adds a batch: one merge of two sorted arrays, so compacting in batches costs O(n) a batch. */
  addAll(keys: readonly string[]): void {
    if (keys.length === 0) return;
    const incoming = Float64Array.from(keys, digestKey).sort();
    const old = this.sorted;
    const merged = new Float64Array(old.length + incoming.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < incoming.length)
      merged[k++] = old[i]! <= incoming[j]! ? old[i++]! : incoming[j++]!;
    while (i < old.length) merged[k++] = old[i++]!;
    while (j < incoming.length) merged[k++] = incoming[j++]!;
    this.sorted = merged;
  }
}

/** Two independent 32-bit string hashes (FNV-1a and a multiply-xorshift), finalized, joined into 53 bits. */
export function digestKey(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (finalize(a) >>> 11) * 0x1_0000_0000 + finalize(b);
}

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
