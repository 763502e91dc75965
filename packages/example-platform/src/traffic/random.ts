/** A source of numbers in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/** Integer in [min, max]. */
export function randomInt(random: RandomSource, min: number, max: number) {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element, chosen with probability proportional to its weight. */
export function pickWeighted<T>(
  random: RandomSource,
  items: readonly T[],
  weight: (item: T) => number,
): T | undefined {
  const total = items.reduce((sum, item) => sum + Math.max(0, weight(item)), 0);
  if (total <= 0) {
    return undefined;
  }
  let point = random() * total;
  for (const item of items) {
    point -= Math.max(0, weight(item));
    if (point < 0) {
      return item;
    }
  }
  return items[items.length - 1];
}

/** One element, uniformly. */
export function pickOne<T>(random: RandomSource, items: readonly T[]) {
  return items.length > 0
    ? items[randomInt(random, 0, items.length - 1)]
    : undefined;
}

/** Deterministic numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit FNV-1a hash of a string, e.g. to seed {@link seededRandom} per user. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
