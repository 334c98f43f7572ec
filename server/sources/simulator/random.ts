/**
 * A seeded random source (sfc32). The simulator draws every choice from one of these so that a seed
 * reproduces a run exactly; separate streams (`fork`) keep, say, network jitter from shifting the
 * behaviour of calls when only a delivery option changes.
 */
export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A key drawn with probability proportional to its weight; the first key when all weigh 0. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** An exponentially distributed wait with this mean (Poisson arrivals). */
  exponential(mean: number): number;
  /** A version-4 UUID string built from this stream. */
  uuid(): string;
  /** A new stream derived from this one's seed and a label. */
  fork(label: string): Rng;
};

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Mixes a seed and label into 32-bit words (FNV-1a then a murmur-style finaliser). */
function hashWords(seed: number, label: string, count: number): number[] {
  const text = `${seed}\u0000${label}`;
  const words: number[] = [];
  for (let k = 0; k < count; k++) {
    let h = (0x811c9dc5 ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    words.push((h ^ (h >>> 16)) >>> 0);
  }
  return words;
}

/** Creates the random stream for `seed` (and an optional label naming a sub-stream). */
export function createRng(seed: number, label = 'root'): Rng {
  let [a, b, c, d] = hashWords(seed, label, 4) as [number, number, number, number];
  const word = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) word();
  const next = (): number => word() / 4294967296;
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => p > 0 && next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (weights) => {
      const keys = Object.keys(weights) as (keyof typeof weights)[];
      const total = keys.reduce((sum, k) => sum + weights[k], 0);
      let roll = next() * total;
      for (const k of keys) {
        roll -= weights[k];
        if (roll < 0) return k;
      }
      return keys[0]!;
    },
    exponential: (mean) => -Math.log(1 - next()) * mean,
    uuid: () => {
      const a = word();
      const b = word();
      const c = word();
      const d = word();
      const hex8 = (x: number) =>
        HEX[x >>> 24]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
      const version = (b & 0xffff0fff) | 0x4000;
      const variant = ((c & 0x3fffffff) | 0x80000000) >>> 0;
      const mid = hex8(b >>> 0);
      const v = hex8(version >>> 0);
      const tail = hex8(variant);
      return `${hex8(a)}-${mid.slice(0, 4)}-${v.slice(4)}-${tail.slice(0, 4)}-${tail.slice(4)}${hex8(d)}`;
    },
    fork: (sub) => createRng(seed, `${label}/${sub}`),
  };
  return rng;
}
